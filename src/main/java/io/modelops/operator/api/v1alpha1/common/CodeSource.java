package io.modelops.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Where a model's or job's code comes from: exactly one source, mounted at /opt/code. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "[has(self.configMap), has(self.git), has(self.image), has(self.persistentVolumeClaim)]"
            + ".filter(s, s).size() == 1",
    message = "code: set exactly one of configMap, git, image, persistentVolumeClaim")
public class CodeSource {
  @JsonPropertyDescription("Code from a ConfigMap in the same namespace.")
  private ConfigMapSource configMap;

  @JsonPropertyDescription("Code cloned from a git repository.")
  private GitSource git;

  @Size(max = 512)
  @Pattern(Formats.IMAGE)
  @JsonPropertyDescription("An OCI image whose /code directory holds the code.")
  private String image;

  @JsonPropertyDescription("Code on a PersistentVolumeClaim in the same namespace.")
  private PersistentVolumeClaimSource persistentVolumeClaim;

  public ConfigMapSource getConfigMap() {
    return configMap;
  }

  public void setConfigMap(ConfigMapSource configMap) {
    this.configMap = configMap;
  }

  public GitSource getGit() {
    return git;
  }

  public void setGit(GitSource git) {
    this.git = git;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public PersistentVolumeClaimSource getPersistentVolumeClaim() {
    return persistentVolumeClaim;
  }

  public void setPersistentVolumeClaim(PersistentVolumeClaimSource persistentVolumeClaim) {
    this.persistentVolumeClaim = persistentVolumeClaim;
  }
}
