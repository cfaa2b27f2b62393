package io.modelops.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.modelops.operator.api.SchemaPatch;

/**
 * A runtime parameter a model or job accepts: its name, type, default and bounds. Values are
 * checked against it and reach the container as environment variables.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.credentialType) || self.type == 'credential'",
    message = "credentialType is only allowed when type is credential")
@ValidationRule(
    value = "(!has(self.minValue) && !has(self.maxValue)) || self.type == 'numeric'",
    message = "minValue and maxValue are only allowed when type is numeric")
@ValidationRule(
    value = "!has(self.minValue) || !has(self.maxValue) || self.minValue <= self.maxValue",
    message = "minValue must not be greater than maxValue")
// defaultValue is a string, number or boolean: CEL cannot see a field without a type, so the
// schema bounds it with type-specific keywords (maxLength only applies to strings, maxProperties
// and maxItems only to objects and arrays).
@SchemaCustomizer(
    value = SchemaPatch.class,
    input =
        "{\"properties\":{\"defaultValue\":{\"maxLength\":512,\"maxProperties\":0,\"maxItems\":0}}}")
public class RuntimeParameterDefinition {
  /** The most definitions a spec may carry (keeps every object far from the size limits). */
  public static final int MAX_PER_SPEC = 20;

  @Required
  @Size(max = 100)
  @Pattern(Formats.FIELD_NAME)
  @JsonPropertyDescription(
      "Parameter name; the container sees it as MLOPS_RUNTIME_PARAM_<fieldName>.")
  private String fieldName;

  @Required
  @JsonPropertyDescription("Type of the parameter's value.")
  private RuntimeParameterType type;

  @Size(max = 256)
  @JsonPropertyDescription("How this parameter affects the model or job.")
  private String description;

  @PreserveUnknownFields
  @JsonPropertyDescription(
      "Value used when none is set: a string (at most 512 characters), number or boolean"
          + " matching type. Not allowed for credentials.")
  private JsonNode defaultValue;

  @JsonPropertyDescription("Smallest allowed value of a numeric parameter.")
  private Double minValue;

  @JsonPropertyDescription("Largest allowed value of a numeric parameter.")
  private Double maxValue;

  @JsonPropertyDescription(
      "Whether the parameter may stay unset (no default and no value). Default: false.")
  private Boolean allowEmpty;

  @JsonPropertyDescription("For type credential: what the referenced Secret holds.")
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
