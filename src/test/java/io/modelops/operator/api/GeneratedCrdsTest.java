package io.modelops.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelops.operator.api.v1alpha1.common.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated CRDs have what every kind of this API promises (docs/api.md), read from the YAML
 * the build wrote.
 */
class GeneratedCrdsTest {
  private static final Map<String, String> SHORT_NAMES =
      Map.of(
          "custommodels", "cmod",
          "custommodelversions", "cmv",
          "customjobs", "cjob",
          "customjobruns", "cjrun",
          "custommodeltests", "cmt",
          "resourcebundles", "rb",
          "executionenvironments", "xenv");

  static List<String> plurals() {
    return GeneratedCrds.PLURALS;
  }

  @ParameterizedTest
  @MethodSource("plurals")
  void isServedAsModelopsIoV1alpha1WithStatusSubresource(String plural) {
    JsonNode crd = GeneratedCrds.read(plural);
    assertThat(crd.at("/spec/group").asText()).isEqualTo("modelops.io");
    JsonNode versions = crd.at("/spec/versions");
    assertThat(versions).hasSize(1);
    assertThat(versions.get(0).get("name").asText()).isEqualTo("v1alpha1");
    assertThat(versions.get(0).get("served").asBoolean()).isTrue();
    assertThat(versions.get(0).get("storage").asBoolean()).isTrue();
    assertThat(versions.get(0).at("/subresources/status").isObject()).isTrue();
  }

  @Test
  void onlyTheCustomModelHasAScaleSubresourceOnItsReplicasAndServedPodsSelector() {
    JsonNode scale = GeneratedCrds.read("custommodels").at("/spec/versions/0/subresources/scale");
    assertThat(scale.get("specReplicasPath").asText()).isEqualTo(".spec.replicas");
    assertThat(scale.get("statusReplicasPath").asText()).isEqualTo(".status.replicas");
    assertThat(scale.get("labelSelectorPath").asText()).isEqualTo(".status.selector");
    for (String plural : GeneratedCrds.PLURALS) {
      if (!plural.equals("custommodels")) {
        assertThat(
                GeneratedCrds.read(plural)
                    .at("/spec/versions/0/subresources/scale")
                    .isMissingNode())
            .as(plural)
            .isTrue();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("plurals")
  void hasShortNameAndCategoryModelops(String plural) {
    JsonNode names = GeneratedCrds.read(plural).at("/spec/names");
    assertThat(names.get("plural").asText()).isEqualTo(plural);
    assertThat(texts(names.get("shortNames"))).containsExactly(SHORT_NAMES.get(plural));
    assertThat(texts(names.get("categories"))).containsExactly("modelops");
  }

  @Test
  void bundlesAndEnvironmentsAreClusterScopedTheRestNamespaced() {
    for (String plural : GeneratedCrds.PLURALS) {
      String expected =
          plural.equals("resourcebundles") || plural.equals("executionenvironments")
              ? "Cluster"
              : "Namespaced";
      assertThat(GeneratedCrds.read(plural).at("/spec/scope").asText())
          .as(plural)
          .isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @MethodSource("plurals")
  void printerColumnsShowStateAndAge(String plural) {
    JsonNode columns = GeneratedCrds.read(plural).at("/spec/versions/0/additionalPrinterColumns");
    List<String> paths = new ArrayList<>();
    columns.forEach(c -> paths.add(c.get("jsonPath").asText()));
    System.out.printf("%s columns: %s%n", plural, paths);
    assertThat(columns)
        .anySatisfy(
            c -> {
              assertThat(c.get("name").asText()).isEqualTo("Age");
              assertThat(c.get("jsonPath").asText()).isEqualTo(".metadata.creationTimestamp");
              assertThat(c.get("type").asText()).isEqualTo("date");
            });
    if (plural.equals("resourcebundles")) {
      assertThat(paths).contains(".spec.cpuCount", ".spec.memoryBytes");
    } else {
      assertThat(paths)
          .as("a column shows the phase, overall status, Ready condition or latest version")
          .anyMatch(
              p ->
                  p.equals(".status.phase")
                      || p.equals(".status.overallStatus")
                      || p.contains("Ready")
                      || p.equals(".status.latestVersion"));
    }
  }

  @ParameterizedTest
  @MethodSource("plurals")
  void everyPropertyHasADescription(String plural) {
    JsonNode schema = GeneratedCrds.schema(plural);
    assertThat(schema.path("description").asText()).as("root description").isNotBlank();
    List<String> missing = new ArrayList<>();
    walk(
        schema,
        "",
        (path, node) -> {
          if (node.path("description").asText().isBlank()) {
            missing.add(path);
          }
        });
    assertThat(missing).as("properties without description in %s", plural).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("plurals")
  void specStringsAndListsAreBoundedSoCelStaysWithinCost(String plural) {
    List<String> unbounded = new ArrayList<>();
    walk(
        GeneratedCrds.schema(plural).at("/properties/spec"),
        "spec",
        (path, node) -> {
          String type = node.path("type").asText();
          if (type.equals("string") && !node.has("maxLength") && !node.has("enum")) {
            unbounded.add(path + " (string without maxLength)");
          }
          if (type.equals("array") && !node.has("maxItems")) {
            unbounded.add(path + " (array without maxItems)");
          }
          if (type.equals("array")
              && node.at("/items/type").asText().equals("string")
              && !node.at("/items").has("maxLength")
              && !node.at("/items").has("enum")) {
            unbounded.add(path + "[] (string items without maxLength)");
          }
        });
    assertThat(unbounded).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("plurals")
  void specHasNoSchemaDefaults(String plural) {
    List<String> defaulted = new ArrayList<>();
    walk(
        GeneratedCrds.schema(plural).at("/properties/spec"),
        "spec",
        (path, node) -> {
          if (node.has("default")) {
            defaulted.add(path);
          }
        });
    assertThat(defaulted)
        .as("no schema defaults: effective values go to status, not spec")
        .isEmpty();
  }

  @ParameterizedTest
  @MethodSource("plurals")
  void everyCelRuleHasAMessage(String plural) {
    List<String> silent = new ArrayList<>();
    collectRules(GeneratedCrds.schema(plural), "", silent);
    assertThat(silent).isEmpty();
  }

  @Test
  void hiddenPatternsInSchemaPatchesMatchFormats() {
    JsonNode secretRef =
        GeneratedCrds.schema("custommodelversions")
            .at(
                "/properties/spec/properties/runtimeParameterValues/items/properties/value"
                    + "/properties/secretRef/properties");
    assertThat(secretRef.at("/name/pattern").asText()).isEqualTo(Formats.OBJECT_NAME);
    assertThat(secretRef.at("/key/pattern").asText()).isEqualTo(Formats.DATA_KEY);
    JsonNode cpu =
        GeneratedCrds.schema("customjobs")
            .at("/properties/spec/properties/resources/properties/cpu");
    assertThat(cpu.get("pattern").asText()).isEqualTo(Formats.QUANTITY);
    JsonNode schedule =
        GeneratedCrds.schema("customjobs").at("/properties/spec/properties/schedule/properties");
    assertThat(schedule.at("/minute/items/pattern").asText()).isEqualTo(Formats.SCHEDULE_ANY);
    assertThat(schedule.at("/month/items/pattern").asText())
        .isEqualTo(Formats.SCHEDULE_ANY_OR_NAME);
  }

  @Test
  void versionServingRulesAreTheModelsServingRules() {
    List<String> model = ruleTexts(GeneratedCrds.schema("custommodels").at("/properties/spec"));
    List<String> version =
        ruleTexts(GeneratedCrds.schema("custommodelversions").at("/properties/spec"));
    List<String> serving =
        model.stream()
            .filter(
                r -> r.contains("Memory") || r.contains("requiresHa") || r.contains("autoscaling"))
            .toList();
    assertThat(serving).hasSize(5);
    assertThat(version).containsAll(serving);
  }

  private static List<String> ruleTexts(JsonNode node) {
    List<String> rules = new ArrayList<>();
    node.path("x-kubernetes-validations").forEach(r -> rules.add(r.get("rule").asText()));
    return rules;
  }

  private static void collectRules(JsonNode node, String path, List<String> silent) {
    node.path("x-kubernetes-validations")
        .forEach(
            r -> {
              if (r.path("message").asText().isBlank()
                  && r.path("messageExpression").asText().isBlank()) {
                silent.add(path + ": " + r.path("rule").asText());
              }
            });
    node.path("properties")
        .fields()
        .forEachRemaining(e -> collectRules(e.getValue(), path + "." + e.getKey(), silent));
    if (node.has("items")) {
      collectRules(node.get("items"), path + "[]", silent);
    }
  }

  /** Visits every named property below {@code node} (through objects, list items and maps). */
  static void walk(JsonNode node, String path, BiConsumer<String, JsonNode> visitor) {
    node.path("properties")
        .fields()
        .forEachRemaining(
            e -> {
              String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
              visitor.accept(child, e.getValue());
              walk(e.getValue(), child, visitor);
            });
    if (node.has("items")) {
      walk(node.get("items"), path + "[]", visitor);
    }
    if (node.path("additionalProperties").isObject()) {
      walk(node.get("additionalProperties"), path + "{}", visitor);
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
