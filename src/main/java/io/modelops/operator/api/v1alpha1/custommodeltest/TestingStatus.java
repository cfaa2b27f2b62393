package io.modelops.operator.api.v1alpha1.custommodeltest;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The status of a whole model test (its overall status) and of each of its checks. */
public enum TestingStatus {
  @JsonProperty("not_tested")
  NOT_TESTED,
  @JsonProperty("queued")
  QUEUED,
  @JsonProperty("in_progress")
  IN_PROGRESS,
  @JsonProperty("succeeded")
  SUCCEEDED,
  @JsonProperty("failed")
  FAILED,
  @JsonProperty("warning")
  WARNING,
  @JsonProperty("canceled")
  CANCELED,
  @JsonProperty("aborted")
  ABORTED,
  @JsonProperty("skipped")
  SKIPPED;

  /** Whether a test in this status has ended (it will not change any more). */
  public boolean isFinal() {
    return this != NOT_TESTED && this != QUEUED && this != IN_PROGRESS;
  }
}
