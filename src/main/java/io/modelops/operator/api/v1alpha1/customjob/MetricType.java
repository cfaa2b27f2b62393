package io.modelops.operator.api.v1alpha1.customjob;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Type and aggregation of a hosted custom metric. */
public enum MetricType {
  @JsonProperty("average")
  AVERAGE,
  @JsonProperty("categorical")
  CATEGORICAL,
  @JsonProperty("gauge")
  GAUGE,
  @JsonProperty("sum")
  SUM;
}
