package io.modelops.operator.api.v1alpha1.executionenvironment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.modelops.operator.api.SchemaPatch;
import io.modelops.operator.api.v1alpha1.common.Formats;
import java.util.List;

/** One version of an execution environment: a label mapped to a container image. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(value = SchemaPatch.class, input = EnvironmentVersion.SCHEMA_PATCH)
public class EnvironmentVersion {
  static final String SCHEMA_PATCH =
      """
      {"properties": {"imagePullSecrets": {"x-kubernetes-list-type": "set",
        "items": {"maxLength": 63, "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"}}}}
      """;

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

  @Size(max = 4)
  @JsonPropertyDescription(
      "Names of Secrets (type kubernetes.io/dockerconfigjson) the kubelet uses to pull the image"
          + " from a private registry, at most 4 of at most 63 characters. Each is looked up by name in the namespace of the"
          + " model version or job run using this version; a missing one refuses that workload,"
          + " naming this field. The operator never reads or copies the Secret's contents.")
  private List<String> imagePullSecrets;

  public List<String> getImagePullSecrets() {
    return imagePullSecrets;
  }

  public void setImagePullSecrets(List<String> imagePullSecrets) {
    this.imagePullSecrets = imagePullSecrets;
  }

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
