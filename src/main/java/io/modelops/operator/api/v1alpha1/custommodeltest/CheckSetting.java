package io.modelops.operator.api.v1alpha1.custommodeltest;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a check's outcome does to the test: {@code fail} makes a failing check fail the test, {@code
 * warn} turns it into a warning, {@code skip} does not run the check.
 */
public enum CheckSetting {
  @JsonProperty("fail")
  FAIL,
  @JsonProperty("warn")
  WARN,
  @JsonProperty("skip")
  SKIP;
}
