package io.modelops.operator.api.v1alpha1.customjob;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a scheduled custom job does when a run is still active at the next scheduled time (as
 * CronJob).
 */
public enum ConcurrencyPolicy {
  @JsonProperty("Allow")
  ALLOW,
  @JsonProperty("Forbid")
  FORBID,
  @JsonProperty("Replace")
  REPLACE;
}
