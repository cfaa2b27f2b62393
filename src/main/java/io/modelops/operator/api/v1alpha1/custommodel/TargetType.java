package io.modelops.operator.api.v1alpha1.custommodel;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a custom model predicts, passed to its pods as TARGET_TYPE. */
public enum TargetType {
  @JsonProperty("Binary")
  BINARY,
  @JsonProperty("Regression")
  REGRESSION,
  @JsonProperty("Multiclass")
  MULTICLASS,
  @JsonProperty("Anomaly")
  ANOMALY,
  @JsonProperty("Transform")
  TRANSFORM,
  @JsonProperty("TextGeneration")
  TEXT_GENERATION,
  @JsonProperty("Unstructured")
  UNSTRUCTURED,
  @JsonProperty("VectorDatabase")
  VECTOR_DATABASE;
}
