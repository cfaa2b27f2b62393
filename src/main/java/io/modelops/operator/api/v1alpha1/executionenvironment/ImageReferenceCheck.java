package io.modelops.operator.api.v1alpha1.executionenvironment;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a version's image reference parses as a container runtime would read it. */
public enum ImageReferenceCheck {
  @JsonProperty("Valid")
  VALID,
  @JsonProperty("Invalid")
  INVALID;
}
