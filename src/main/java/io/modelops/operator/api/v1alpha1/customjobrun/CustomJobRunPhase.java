package io.modelops.operator.api.v1alpha1.customjobrun;

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

  /** Whether a run in this phase is over: its status no longer changes. */
  public boolean finished() {
    return this == SUCCEEDED || this == FAILED || this == INTERRUPTED || this == CANCELED;
  }
}
