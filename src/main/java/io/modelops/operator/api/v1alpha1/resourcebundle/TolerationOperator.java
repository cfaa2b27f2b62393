package io.modelops.operator.api.v1alpha1.resourcebundle;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a toleration matches a taint: by key alone, or by key and value. */
public enum TolerationOperator {
  @JsonProperty("Exists")
  EXISTS,
  @JsonProperty("Equal")
  EQUAL;
}
