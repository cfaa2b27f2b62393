package io.modelops.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;

/** A runtime parameter as the container sees it: definition, override and resulting value. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RuntimeParameterStatus {
  @JsonPropertyDescription("Parameter name.")
  private String fieldName;

  @JsonPropertyDescription("Parameter type.")
  private RuntimeParameterType type;

  @JsonPropertyDescription("Description from the definition.")
  private String description;

  @PreserveUnknownFields
  @JsonPropertyDescription("Default from the definition.")
  private JsonNode defaultValue;

  @PreserveUnknownFields
  @JsonPropertyDescription("Value set in runtimeParameterValues, if any.")
  private JsonNode overrideValue;

  @PreserveUnknownFields
  @JsonPropertyDescription(
      "The value in effect: the override, else the default. Credentials appear as their"
          + " secretRef, never their content.")
  private JsonNode currentValue;

  @JsonPropertyDescription("Smallest allowed value (numeric parameters).")
  private Double minValue;

  @JsonPropertyDescription("Largest allowed value (numeric parameters).")
  private Double maxValue;

  @JsonPropertyDescription("Whether the parameter may stay unset.")
  private Boolean allowEmpty;

  @JsonPropertyDescription("Expected credential type (credential parameters).")
  private CredentialType credentialType;

  public String getFieldName() {
    return fieldName;
  }

  public void setFieldName(String fieldName) {
    this.fieldName = fieldName;
  }

  public RuntimeParameterType getType() {
    return type;
  }

  public void setType(RuntimeParameterType type) {
    this.type = type;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public JsonNode getDefaultValue() {
    return defaultValue;
  }

  public void setDefaultValue(JsonNode defaultValue) {
    this.defaultValue = defaultValue;
  }

  public JsonNode getOverrideValue() {
    return overrideValue;
  }

  public void setOverrideValue(JsonNode overrideValue) {
    this.overrideValue = overrideValue;
  }

  public JsonNode getCurrentValue() {
    return currentValue;
  }

  public void setCurrentValue(JsonNode currentValue) {
    this.currentValue = currentValue;
  }

  public Double getMinValue() {
    return minValue;
  }

  public void setMinValue(Double minValue) {
    this.minValue = minValue;
  }

  public Double getMaxValue() {
    return maxValue;
  }

  public void setMaxValue(Double maxValue) {
    this.maxValue = maxValue;
  }

  public Boolean getAllowEmpty() {
    return allowEmpty;
  }

  public void setAllowEmpty(Boolean allowEmpty) {
    this.allowEmpty = allowEmpty;
  }

  public CredentialType getCredentialType() {
    return credentialType;
  }

  public void setCredentialType(CredentialType credentialType) {
    this.credentialType = credentialType;
  }
}
