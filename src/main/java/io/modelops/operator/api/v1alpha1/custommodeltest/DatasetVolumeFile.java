package io.modelops.operator.api.v1alpha1.custommodeltest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.modelops.operator.api.v1alpha1.common.Formats;

/** A test dataset in a file on a PersistentVolumeClaim. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DatasetVolumeFile {
  @Required
  @Size(max = 253)
  @Pattern(Formats.OBJECT_NAME)
  @JsonPropertyDescription("Name of the PersistentVolumeClaim, in the test's namespace.")
  private String claimName;

  @Required
  @Size(max = 1024)
  @Pattern(Formats.RELATIVE_PATH)
  @JsonPropertyDescription("Path of the CSV file inside the volume.")
  private String path;

  public String getClaimName() {
    return claimName;
  }

  public void setClaimName(String claimName) {
    this.claimName = claimName;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }
}
