package io.modelops.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Code on a PersistentVolumeClaim, mounted read-only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PersistentVolumeClaimSource {
  @Required
  @Size(max = 253)
  @Pattern(Formats.OBJECT_NAME)
  @JsonPropertyDescription("Name of the PersistentVolumeClaim, in the same namespace.")
  private String claimName;

  @Size(max = 1024)
  @Pattern(Formats.RELATIVE_PATH)
  @JsonPropertyDescription("Directory inside the volume that holds the code. Default: the root.")
  private String subPath;

  public String getClaimName() {
    return claimName;
  }

  public void setClaimName(String claimName) {
    this.claimName = claimName;
  }

  public String getSubPath() {
    return subPath;
  }

  public void setSubPath(String subPath) {
    this.subPath = subPath;
  }
}
