package io.modelops.operator.api.v1alpha1.executionenvironment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.modelops.operator.api.v1alpha1.common.ConditionedStatus;
import java.util.List;

/**
 * Observed state of an environment: what the operator checked of each version's image reference,
 * and the effective latest version.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ExecutionEnvironmentStatus extends ConditionedStatus {
  @JsonPropertyDescription(
      "Each version with its image, whether the image reference parses (imageReference) and"
          + " whether it is pinned by digest.")
  private List<EnvironmentVersionStatus> versions;

  @JsonPropertyDescription("Label of the version in effect when a reference names none.")
  private String latestVersion;

  public List<EnvironmentVersionStatus> getVersions() {
    return versions;
  }

  public void setVersions(List<EnvironmentVersionStatus> versions) {
    this.versions = versions;
  }

  public String getLatestVersion() {
    return latestVersion;
  }

  public void setLatestVersion(String latestVersion) {
    this.latestVersion = latestVersion;
  }
}
