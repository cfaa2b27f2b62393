package io.modelops.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Lifecycle of a custom job run (the seed's run statuses plus queued). */
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
