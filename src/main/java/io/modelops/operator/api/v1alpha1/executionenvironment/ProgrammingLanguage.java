package io.modelops.operator.api.v1alpha1.executionenvironment;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The language an execution environment runs. */
public enum ProgrammingLanguage {
  @JsonProperty("python")
  PYTHON,
  @JsonProperty("r")
  R,
  @JsonProperty("java")
  JAVA,
  @JsonProperty("other")
  OTHER;
}
