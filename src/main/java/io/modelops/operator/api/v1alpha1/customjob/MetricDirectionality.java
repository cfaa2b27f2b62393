package io.modelops.operator.api.v1alpha1.customjob;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether higher or lower values of a hosted custom metric are better. */
public enum MetricDirectionality {
  @JsonProperty("higherIsBetter")
  HIGHER_IS_BETTER,
  @JsonProperty("lowerIsBetter")
  LOWER_IS_BETTER;
}
