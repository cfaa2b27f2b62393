package io.modelops.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a model's pods may connect to: NONE (cluster DNS only), DR_API_ACCESS (DNS and the platform
 * API destinations of the operator configuration) or PUBLIC (any address but link-local/metadata
 * and the cluster ranges the platform excludes).
 */
public enum NetworkEgressPolicy {
  @JsonProperty("NONE")
  NONE,
  @JsonProperty("DR_API_ACCESS")
  DR_API_ACCESS,
  @JsonProperty("PUBLIC")
  PUBLIC;
}
