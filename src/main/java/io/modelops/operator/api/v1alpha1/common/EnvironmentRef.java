package io.modelops.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The container image a model or job runs in: an ExecutionEnvironment version or an image. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.name) != has(self.image)",
    message = "environment: set either name (an ExecutionEnvironment) or image, not both")
@ValidationRule(
    value = "!has(self.version) || has(self.name)",
    message = "environment.version needs environment.name")
public class EnvironmentRef {
  @Size(max = 253)
  @Pattern(Formats.OBJECT_NAME)
  @JsonPropertyDescription("Name of a cluster-scoped ExecutionEnvironment.")
  private String name;

  @Size(max = 100)
  @Pattern(Formats.LABEL)
  @JsonPropertyDescription(
      "Label of one of the environment's versions. Default: the environment's latestVersion.")
  private String version;

  @Size(max = 512)
  @Pattern(Formats.IMAGE)
  @JsonPropertyDescription("A container image to run directly, instead of an ExecutionEnvironment.")
  private String image;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }
}
