package io.modelops.operator.api.v1alpha1.custommodelversion;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Lifecycle of a custom model version: checked, then possibly served. */
public enum CustomModelVersionPhase {
  @JsonProperty("pending")
  PENDING,
  @JsonProperty("validated")
  VALIDATED,
  @JsonProperty("invalid")
  INVALID,
  @JsonProperty("serving")
  SERVING;
}
