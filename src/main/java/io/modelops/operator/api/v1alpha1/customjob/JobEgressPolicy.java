package io.modelops.operator.api.v1alpha1.customjob;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a custom job's pods may connect to: none (cluster DNS only) or public. */
public enum JobEgressPolicy {
  @JsonProperty("none")
  NONE,
  @JsonProperty("public")
  PUBLIC;
}
