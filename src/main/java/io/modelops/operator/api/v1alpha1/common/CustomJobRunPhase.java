package io.modelops.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Lifecycle of a custom job run, as written to status.phase: queued until a slot is free, then
 * running, and a terminal phase.
 */
public enum CustomJobRunPhase {
  @JsonProperty("queued")
  QUEUED,
  @JsonProperty("running")
  RUNNING,
  @JsonProperty("succeeded")
  SUCCEEDED,
  @JsonProperty("failed")
  FAILED,
  @JsonProperty("interrupted")
  INTERRUPTED,
  @JsonProperty("canceling")
  CANCELING,
  @JsonProperty("canceled")
  CANCELED;
}
