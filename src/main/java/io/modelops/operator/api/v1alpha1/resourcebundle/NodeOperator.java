package io.modelops.operator.api.v1alpha1.resourcebundle;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a node label requirement compares the label with its values. */
public enum NodeOperator {
  @JsonProperty("In")
  IN,
  @JsonProperty("NotIn")
  NOT_IN,
  @JsonProperty("Exists")
  EXISTS,
  @JsonProperty("DoesNotExist")
  DOES_NOT_EXIST,
  @JsonProperty("Gt")
  GT,
  @JsonProperty("Lt")
  LT;
}
