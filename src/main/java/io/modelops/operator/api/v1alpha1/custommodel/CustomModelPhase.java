package io.modelops.operator.api.v1alpha1.custommodel;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Lifecycle of a served custom model, as written to status.phase. */
public enum CustomModelPhase {
  @JsonProperty("launching")
  LAUNCHING,
  @JsonProperty("active")
  ACTIVE,
  @JsonProperty("replacingModel")
  REPLACING_MODEL,
  @JsonProperty("errored")
  ERRORED,
  @JsonProperty("inactive")
  INACTIVE;
}
