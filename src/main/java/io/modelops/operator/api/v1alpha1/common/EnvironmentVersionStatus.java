package io.modelops.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The observed state of one execution environment version. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EnvironmentVersionStatus {
  @JsonPropertyDescription("Version label.")
  private String label;

  @JsonPropertyDescription("Image the version runs.")
  private String image;

  @JsonPropertyDescription("submitted, processing, success or failed; success when an image is given.")
  private BuildStatus buildStatus;

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public BuildStatus getBuildStatus() {
    return buildStatus;
  }

  public void setBuildStatus(BuildStatus buildStatus) {
    this.buildStatus = buildStatus;
  }
}
