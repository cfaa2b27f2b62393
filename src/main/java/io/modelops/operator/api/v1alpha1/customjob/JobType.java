package io.modelops.operator.api.v1alpha1.customjob;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kind of work a custom job does, passed to its pods as JOB_TYPE. */
public enum JobType {
  @JsonProperty("default")
  DEFAULT,
  @JsonProperty("hostedCustomMetric")
  HOSTED_CUSTOM_METRIC,
  @JsonProperty("notification")
  NOTIFICATION,
  @JsonProperty("retraining")
  RETRAINING;
}
