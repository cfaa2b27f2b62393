package io.modelops.operator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.modelops.operator.testing.LocalClusterExtension;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table in invalid-manifests.yaml: every manifest is refused by the real API server (schema or
 * CEL), and the refusal names the offending field.
 */
@Tag("cluster")
class InvalidManifestsTest {
  @RegisterExtension static LocalClusterExtension cluster = new LocalClusterExtension();

  /** One row of the table. */
  record Case(String name, String expectMessage, ObjectNode manifest) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() throws IOException {
    JsonNode table;
    try (InputStream in =
        InvalidManifestsTest.class.getResourceAsStream("/invalid-manifests.yaml")) {
      table = GeneratedCrds.YAML.readTree(in);
    }
    List<Case> cases = new ArrayList<>();
    int index = 0;
    for (JsonNode row : table) {
      ObjectNode manifest = (ObjectNode) row.get("manifest").deepCopy();
      if (!manifest.has("apiVersion")) {
        manifest.put("apiVersion", "modelops.io/v1alpha1");
      }
      manifest.putObject("metadata").put("name", "invalid-" + index++);
      if (row.has("fill")) {
        fill(manifest, row.get("fill"));
      }
      cases.add(new Case(row.get("name").asText(), row.get("expectMessage").asText(), manifest));
    }
    return cases;
  }

  @Test
  void tableHasAtLeastFortyCasesWithDistinctNames() throws IOException {
    List<Case> cases = cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
    assertThat(cases).extracting(Case::name).doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void apiServerRefusesNamingTheField(Case c) {
    ObjectNode manifest = c.manifest().deepCopy();
    if (!Manifests.CLUSTER_SCOPED_KINDS.contains(manifest.get("kind").asText())) {
      ((ObjectNode) manifest.get("metadata")).put("namespace", cluster.namespace());
    }
    KubernetesClientException refused =
        catchThrowableOfType(
            KubernetesClientException.class,
            () -> cluster.client().resource(Manifests.toResource(manifest)).dryRun().create());
    assertThat(refused).as("%s was accepted", c.name()).isNotNull();
    assertThat(refused.getCode()).as(Manifests.refusal(refused)).isEqualTo(422);
    assertThat(Manifests.refusal(refused)).contains(c.expectMessage());
  }

  /**
   * Puts a long string, a long list or an object of many keys at a JSON pointer (limits are
   * unreadable inline).
   */
  private static void fill(ObjectNode manifest, JsonNode fill) {
    String pointer = fill.get("at").asText();
    int cut = pointer.lastIndexOf('/');
    JsonNode parent = manifest.at(pointer.substring(0, cut));
    String last = pointer.substring(cut + 1);
    JsonNode value;
    if (fill.has("chars")) {
      value = TextNode.valueOf("x".repeat(fill.get("chars").asInt()));
    } else if (fill.has("properties")) {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      for (int i = 0; i < fill.get("properties").asInt(); i++) {
        object.put("key" + i, i);
      }
      value = object;
    } else {
      ArrayNode items = JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < fill.get("items").asInt(); i++) {
        items.add("label-" + i);
      }
      value = items;
    }
    if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(last), value);
    } else {
      ((ObjectNode) parent).set(last, value);
    }
  }
}
