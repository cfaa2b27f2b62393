package io.modelops.operator.api.v1alpha1.custommodeltest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Where the CSV test dataset is: a ConfigMap key (at most 1 MiB, as every ConfigMap) or a file on a
 * PersistentVolumeClaim (read by the tester up to its own size limit).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.configMapKeyRef) != has(self.persistentVolumeClaim)",
    message = "dataset: set either configMapKeyRef or persistentVolumeClaim, not both")
public class TestDataset {
  @JsonPropertyDescription("A key of a ConfigMap in the test's namespace holding the CSV.")
  private DatasetConfigMapKey configMapKeyRef;

  @JsonPropertyDescription(
      "A CSV file on a PersistentVolumeClaim in the test's namespace, mounted read-only.")
  private DatasetVolumeFile persistentVolumeClaim;

  public DatasetConfigMapKey getConfigMapKeyRef() {
    return configMapKeyRef;
  }

  public void setConfigMapKeyRef(DatasetConfigMapKey configMapKeyRef) {
    this.configMapKeyRef = configMapKeyRef;
  }

  public DatasetVolumeFile getPersistentVolumeClaim() {
    return persistentVolumeClaim;
  }

  public void setPersistentVolumeClaim(DatasetVolumeFile persistentVolumeClaim) {
    this.persistentVolumeClaim = persistentVolumeClaim;
  }
}
