package io.modelops.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The type of a runtime parameter, which decides how values are checked and passed. */
public enum RuntimeParameterType {
  @JsonProperty("boolean")
  BOOLEAN,
  @JsonProperty("credential")
  CREDENTIAL,
  @JsonProperty("customMetric")
  CUSTOM_METRIC,
  @JsonProperty("deployment")
  DEPLOYMENT,
  @JsonProperty("modelPackage")
  MODEL_PACKAGE,
  @JsonProperty("numeric")
  NUMERIC,
  @JsonProperty("string")
  STRING;
}
