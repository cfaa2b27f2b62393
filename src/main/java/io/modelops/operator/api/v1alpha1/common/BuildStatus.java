package io.modelops.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Build state of an execution environment version (the seed's build statuses). */
public enum BuildStatus {
  @JsonProperty("submitted")
  SUBMITTED,
  @JsonProperty("processing")
  PROCESSING,
  @JsonProperty("success")
  SUCCESS,
  @JsonProperty("failed")
  FAILED;
}
