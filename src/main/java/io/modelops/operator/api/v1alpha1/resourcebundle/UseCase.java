package io.modelops.operator.api.v1alpha1.resourcebundle;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a resource bundle may be used for. */
public enum UseCase {
  @JsonProperty("customModel")
  CUSTOM_MODEL,
  @JsonProperty("customJob")
  CUSTOM_JOB,
  @JsonProperty("customApplication")
  CUSTOM_APPLICATION,
  @JsonProperty("sapAICore")
  SAP_AI_CORE;
}
