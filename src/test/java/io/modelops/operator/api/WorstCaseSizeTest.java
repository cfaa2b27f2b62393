package io.modelops.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worst-case walk finds every field without a bound and counts the rest at their largest. */
class WorstCaseSizeTest {
  private static WorstCaseSize.Result walk(String schemaJson) {
    JsonNode schema = Serialization.unmarshal(schemaJson, JsonNode.class);
    return WorstCaseSize.of(schema, "spec", Map.of(), Map.of());
  }

  @Test
  void reportsAStringAListAMapAndAnOpenObjectWithoutBounds() {
    var result =
        walk(
            """
            {"type": "object", "properties": {
              "text": {"type": "string"},
              "list": {"type": "array", "items": {"type": "string", "maxLength": 5}},
              "map": {"type": "object", "maxProperties": 3,
                      "additionalProperties": {"type": "string", "maxLength": 5}},
              "free": {"type": "object", "x-kubernetes-preserve-unknown-fields": true},
              "anything": {"x-kubernetes-preserve-unknown-fields": true, "maxLength": 10}}}
            """);
    assertThat(result.unbounded())
        .containsExactlyInAnyOrder(
            "spec.text",
            "spec.list",
            "spec.map (map: needs maxProperties and a rule bounding its keys)",
            "spec.free (keeps unknown fields)",
            "spec.anything (untyped: may be an array)");
  }

  @Test
  void countsSixBytesPerCharacterOfFreeTextAndOneOfPlainAscii() {
    var free = walk("{\"type\": \"string\", \"maxLength\": 100}");
    var name = walk("{\"type\": \"string\", \"maxLength\": 100, \"pattern\": \"^[a-z0-9-]+$\"}");
    var anyButSlash = walk("{\"type\": \"string\", \"maxLength\": 100, \"pattern\": \"^[^/]+$\"}");

    assertThat(free.unbounded()).isEmpty();
    assertThat(free.bytes()).isEqualTo(2 + 600);
    assertThat(name.bytes()).isEqualTo(2 + 100);
    assertThat(anyButSlash.bytes()).isEqualTo(2 + 600);
  }

  @Test
  void multipliesListsAndMapsByTheirLimits() {
    var result =
        walk(
            """
            {"type": "object", "properties": {
              "list": {"type": "array", "maxItems": 10, "items": {"type": "boolean"}},
              "map": {"type": "object", "maxProperties": 2,
                      "x-kubernetes-validations": [{"rule": "self.all(k, k.size() <= 10)"}],
                      "additionalProperties": {"type": "integer"}}}}
            """);
    assertThat(result.unbounded()).isEmpty();
    long list = 2 + 10 * (5 + 1);
    long map = 2 + 2 * (2 + 10 * 6 + 2 + WorstCaseSize.NUMBER_BYTES);
    assertThat(result.bytes())
        .isEqualTo(2 + ("list".length() + 4 + list) + ("map".length() + 4 + map));
  }

  @Test
  void plainAsciiPatternsAreThoseWithoutNegationsOrWildcards() {
    assertThat(WorstCaseSize.plainAscii("^[A-Za-z0-9_.-]+(/[a-z]+)*$")).isTrue();
    assertThat(WorstCaseSize.plainAscii("^(\\*|[A-Za-z]{3,9})$")).isTrue();
    assertThat(WorstCaseSize.plainAscii("^https://[^\\s/]+$")).isFalse();
    assertThat(WorstCaseSize.plainAscii("^a.b$")).isFalse();
    assertThat(WorstCaseSize.plainAscii("^[a-z<]+$")).isFalse();
    assertThat(WorstCaseSize.plainAscii("^\\S+$")).isFalse();
    assertThat(WorstCaseSize.plainAscii(null)).isFalse();
  }
}
