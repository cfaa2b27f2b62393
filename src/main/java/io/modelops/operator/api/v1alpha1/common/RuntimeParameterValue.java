package io.modelops.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.modelops.operator.api.SchemaPatch;

/**
 * A value for a runtime parameter. {@code value} is a scalar, except for credentials where it is
 * {@code {secretRef: {name, key?}}} so a secret is never written into a spec.
 *
 * <p>{@code value} takes several JSON types, so its schema has no type and CEL cannot read it
 * (Kubernetes hides untyped fields from CEL). The type/value rule is therefore two OpenAPI
 * implications: a value that is an object or array needs type credential (object and array
 * constraints nothing satisfies, which scalars pass vacuously), and type credential needs an object
 * value (the "not" of such a constraint). The value alternative comes first in each {@code anyOf}
 * so the API server's refusal points at {@code value}; the credential alternative also requires
 * {@code secretRef} (kept out of the value's own schema, where kubectl explain would show it as
 * required for every type). maxLength bounds string values and maxProperties makes a credential's
 * object exactly {@code {secretRef}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(value = SchemaPatch.class, input = RuntimeParameterValue.SCHEMA_PATCH)
public class RuntimeParameterValue {
  /** The most values a spec may carry (keeps every object far from the size limits). */
  public static final int MAX_PER_SPEC = 20;

  // Patterns as in Formats.OBJECT_NAME and Formats.DATA_KEY (a test checks they match).
  static final String SCHEMA_PATCH =
      """
      {"properties": {"value": {
         "maxLength": 512, "maxProperties": 1, "maxItems": 0,
         "properties": {"secretRef": {
           "type": "object", "required": ["name"],
           "description": "The Secret holding the credential, in the same namespace.",
           "properties": {
             "name": {"type": "string", "maxLength": 253, "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",
                      "description": "Name of the Secret."},
             "key": {"type": "string", "maxLength": 253, "pattern": "^[-._a-zA-Z0-9]+$",
                     "description": "Key in the Secret whose value is the credential payload (a JSON object). Default: credential."}}}}}},
       "allOf": [
         {"anyOf": [
           {"properties": {"value": {"minProperties": 1, "maxProperties": 0, "minItems": 1, "maxItems": 0}}},
           {"properties": {"type": {"enum": ["credential"]}}}]},
         {"anyOf": [
           {"properties": {"value": {"not": {"minProperties": 1, "maxProperties": 0}, "required": ["secretRef"]}}},
           {"properties": {"type": {"enum": ["boolean", "customMetric", "deployment", "modelPackage", "numeric", "string"]}}}]}]}
      """;

  @Required
  @Size(max = 100)
  @Pattern(Formats.FIELD_NAME)
  @JsonPropertyDescription("Name of a defined runtime parameter.")
  private String fieldName;

  @Required
  @JsonPropertyDescription("Type of the parameter; must match its definition.")
  private RuntimeParameterType type;

  @Required
  @PreserveUnknownFields
  @JsonPropertyDescription(
      "The value. For type credential: {secretRef: {name, key}} naming a Secret (never a literal"
          + " secret). Otherwise a string (at most 512 characters), number or boolean.")
  private JsonNode value;

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

  public JsonNode getValue() {
    return value;
  }

  public void setValue(JsonNode value) {
    this.value = value;
  }
}
