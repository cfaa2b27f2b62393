package io.modelops.operator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Iterator;
import java.util.Map;

/**
 * A CRD-generator schema customizer that deep-merges a JSON object into the schema generated for a
 * class, for what the annotations cannot express (list types and map keys, the schema of an untyped
 * field). Objects merge key by key at every depth; anything else replaces. fabric8's own {@code
 * MergePatchCustomizer} replaces whole maps such as {@code properties}, which would drop every
 * generated property.
 *
 * <p>Used only by the crd-generator at build time: the generator API is a provided dependency, and
 * nothing at runtime reads this class.
 */
public final class SchemaPatch implements SchemaCustomizer.Customizer {

  @Override
  public JSONSchemaProps apply(
      JSONSchemaProps props, String input, KubernetesSerialization serialization) {
    ObjectNode schema = serialization.convertValue(props, ObjectNode.class);
    JsonNode patch = serialization.unmarshal(input, JsonNode.class);
    merge(schema, patch);
    return serialization.convertValue(schema, JSONSchemaProps.class);
  }

  static void merge(ObjectNode target, JsonNode patch) {
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode existing = target.get(field.getKey());
      if (existing instanceof ObjectNode existingObject && field.getValue().isObject()) {
        merge(existingObject, field.getValue());
      } else {
        target.set(field.getKey(), field.getValue());
      }
    }
  }
}
