package io.modelops.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a custom job's pods may connect to (the seed's lower-case job form). */
public enum EgressNetworkPolicy {
  @JsonProperty("none")
  NONE,
  @JsonProperty("public")
  PUBLIC;
}
