package io.modelops.operator.api.v1alpha1.executionenvironment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.modelops.operator.api.SchemaPatch;
import io.modelops.operator.api.v1alpha1.common.Formats;
import java.util.List;

/** An execution environment: its language, required metadata and labelled versions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.latestVersion) || self.versions.exists(v, v.label == self.latestVersion)",
    message = "latestVersion must be the label of one of versions",
    fieldPath = ".latestVersion")
@SchemaCustomizer(value = SchemaPatch.class, input = ExecutionEnvironmentSpec.LIST_KEYS)
public class ExecutionEnvironmentSpec {
  // Keyed lists: labels and field names are unique and server-side apply merges by them.
  static final String LIST_KEYS =
      """
      {"properties": {
        "versions": {"x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["label"]},
        "requiredMetadataKeys": {"x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["fieldName"]}}}
      """;

  @Size(max = 2000)
  @JsonPropertyDescription("What the environment provides, for humans.")
  private String description;

  @JsonPropertyDescription("python, r, java or other. Default: other.")
  private ProgrammingLanguage programmingLanguage;

  @Size(max = 50)
  @JsonPropertyDescription(
      "Metadata every version using this environment must set in requiredMetadataValues, one"
          + " per fieldName.")
  private List<RequiredMetadataKey> requiredMetadataKeys;

  @Required
  @Size(min = 1, max = 50)
  @JsonPropertyDescription("The environment's versions, one per label, oldest first.")
  private List<EnvironmentVersion> versions;

  @Size(max = 100)
  @Pattern(Formats.LABEL)
  @JsonPropertyDescription(
      "Label of the version used when a reference names no version. Default: the last of"
          + " versions.")
  private String latestVersion;

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public ProgrammingLanguage getProgrammingLanguage() {
    return programmingLanguage;
  }

  public void setProgrammingLanguage(ProgrammingLanguage programmingLanguage) {
    this.programmingLanguage = programmingLanguage;
  }

  public List<RequiredMetadataKey> getRequiredMetadataKeys() {
    return requiredMetadataKeys;
  }

  public void setRequiredMetadataKeys(List<RequiredMetadataKey> requiredMetadataKeys) {
    this.requiredMetadataKeys = requiredMetadataKeys;
  }

  public List<EnvironmentVersion> getVersions() {
    return versions;
  }

  public void setVersions(List<EnvironmentVersion> versions) {
    this.versions = versions;
  }

  public String getLatestVersion() {
    return latestVersion;
  }

  public void setLatestVersion(String latestVersion) {
    this.latestVersion = latestVersion;
  }
}
