package io.modelops.operator.api.v1alpha1.executionenvironment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.modelops.operator.api.v1alpha1.common.Formats;

/** One version of an execution environment: a label mapped to a container image. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EnvironmentVersion {
  @Required
  @Size(max = 100)
  @Pattern(Formats.LABEL)
  @JsonPropertyDescription("Version label users reference as environment.version, e.g. \"1.0\".")
  private String label;

  @Required
  @Size(max = 512)
  @Pattern(Formats.IMAGE)
  @JsonPropertyDescription("Container image of this version.")
  private String image;

  @Size(max = 500)
  @JsonPropertyDescription("What changed in this version.")
  private String description;

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

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
