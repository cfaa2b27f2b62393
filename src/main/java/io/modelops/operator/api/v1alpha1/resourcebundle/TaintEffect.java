package io.modelops.operator.api.v1alpha1.resourcebundle;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The effect of a node taint a toleration matches. */
public enum TaintEffect {
  @JsonProperty("NoSchedule")
  NO_SCHEDULE,
  @JsonProperty("PreferNoSchedule")
  PREFER_NO_SCHEDULE,
  @JsonProperty("NoExecute")
  NO_EXECUTE;
}
