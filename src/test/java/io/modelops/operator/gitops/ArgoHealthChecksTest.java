package io.modelops.operator.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.modelops.operator.gitops.ArgoHealthScripts.Health;
import io.modelops.operator.testing.LocalCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Argo CD health checks ({@code helm/modelops-operator/argocd/health/<Kind>.lua}) run by a real
 * Lua 5.1 interpreter in Argo CD's sandbox: each documented state gives the documented status and
 * message (fixtures in {@code src/test/resources/argocd/health-fixtures}), and every combination of
 * phase and condition statuses gives the health docs/argocd.md promises.
 */
class ArgoHealthChecksTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> CONDITION_STATUSES =
      Arrays.asList(null, "True", "False", "Unknown");

  @TestFactory
  Stream<DynamicContainer> eachDocumentedStateHasItsHealthAndMessage() throws IOException {
    List<DynamicContainer> kinds = new ArrayList<>();
    for (String kind : ArgoHealthScripts.KINDS) {
      List<JsonNode> cases = fixtures(kind);
      List<ObjectNode> resources =
          cases.stream()
              .map(c -> ArgoHealthScripts.resource(kind, (ObjectNode) c.get("obj")))
              .toList();
      List<Health> actual = ArgoHealthScripts.evaluate(kind, resources);
      List<DynamicTest> tests = new ArrayList<>();
      for (int i = 0; i < cases.size(); i++) {
        JsonNode expect = cases.get(i).get("expect");
        Health health = actual.get(i);
        tests.add(
            DynamicTest.dynamicTest(
                cases.get(i).get("name").asText(),
                () ->
                    assertThat(health)
                        .isEqualTo(
                            new Health(
                                expect.get("status").asText(), expect.get("message").asText()))));
      }
      kinds.add(DynamicContainer.dynamicContainer(kind, tests));
    }
    return kinds.stream();
  }

  @Test
  void fixturesCoverEveryPhaseAndEveryConditionStatus() throws IOException {
    assertThat(phases("CustomModel"))
        .contains("launching", "active", "replacingModel", "errored", "inactive");
    assertThat(phases("CustomModelVersion")).contains("pending", "validated", "invalid", "serving");
    assertThat(phases("CustomJobRun"))
        .contains(
            "queued", "running", "succeeded", "failed", "interrupted", "canceling", "canceled");
    assertThat(fixtures("CustomModelTest"))
        .extracting(c -> c.at("/obj/status/overallStatus").asText())
        .contains(
            "not_tested",
            "queued",
            "in_progress",
            "succeeded",
            "warning",
            "failed",
            "aborted",
            "canceled");
    for (String kind : ArgoHealthScripts.KINDS) {
      assertThat(fixtures(kind))
          .extracting(c -> c.at("/expect/status").asText())
          .as(kind)
          .contains("Progressing", "Healthy");
    }
    for (String kind : List.of("CustomModel", "CustomModelVersion", "CustomJob")) {
      assertThat(conditionStatuses(kind)).as(kind).contains("True", "False", "Unknown");
    }
  }

  @Test
  void everyKindHasAScriptAndNothingElseIsShipped() throws IOException {
    try (Stream<Path> files = Files.list(ArgoHealthScripts.directory())) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(
              ArgoHealthScripts.KINDS.stream().map(k -> k + ".lua").toList());
    }
  }

  @Test
  void harnessHasNoStringLibraryLikeArgoCd(@TempDir Path dir) throws IOException {
    Path usesString = dir.resolve("string.lua");
    Files.writeString(
        usesString, "return {status = \"Healthy\", message = string.format(\"%d\", 1)}\n");
    Path usesMethod = dir.resolve("method.lua");
    Files.writeString(
        usesMethod, "local s = \"abc\"\nreturn {status = \"Healthy\", message = s:upper()}\n");
    Path invalid = dir.resolve("invalid.lua");
    Files.writeString(invalid, "return {status = \"Fine\"}\n");
    ObjectNode resource = ArgoHealthScripts.resource("CustomModel", JSON.objectNode());

    assertThat(ArgoHealthScripts.evaluate(usesString, List.of(resource)).get(0).status())
        .isEqualTo("ERROR");
    assertThat(ArgoHealthScripts.evaluate(usesMethod, List.of(resource)).get(0).status())
        .isEqualTo("ERROR");
    assertThat(ArgoHealthScripts.evaluate(invalid, List.of(resource)).get(0).message())
        .contains("invalid health status");
  }

  @Test
  void customModelHealthForEveryPhaseAndConditionCombination() {
    List<String> phases =
        Arrays.asList(null, "launching", "active", "replacingModel", "errored", "inactive");
    List<ObjectNode> resources = new ArrayList<>();
    for (long observed : new long[] {1, 2}) {
      for (String phase : phases) {
        for (String ready : CONDITION_STATUSES) {
          for (String progressing : CONDITION_STATUSES) {
            for (String degraded : CONDITION_STATUSES) {
              ObjectNode status = status(observed, phase);
              condition(status, "Ready", ready);
              condition(status, "Progressing", progressing);
              condition(status, "Degraded", degraded);
              resources.add(resource("CustomModel", 2, null, status));
            }
          }
        }
      }
    }
    assertSweep(
        "CustomModel",
        resources,
        r -> {
          JsonNode s = r.get("status");
          String phase = s.path("phase").asText(null);
          if (s.get("observedGeneration").asLong() < 2) {
            return "Progressing";
          }
          if (is(s, "Degraded", "True") || "errored".equals(phase)) {
            return "Degraded";
          }
          if ("inactive".equals(phase)) {
            return "Suspended";
          }
          boolean settled =
              is(s, "Ready", "True")
                  && !is(s, "Progressing", "True")
                  && !"replacingModel".equals(phase);
          return settled ? "Healthy" : "Progressing";
        });
  }

  @Test
  void customModelVersionHealthForEveryPhaseAndConditionCombination() {
    List<ObjectNode> resources = new ArrayList<>();
    for (String phase : Arrays.asList(null, "pending", "validated", "invalid", "serving")) {
      for (String validated : CONDITION_STATUSES) {
        for (String ready : CONDITION_STATUSES) {
          ObjectNode status = status(1, phase);
          condition(status, "Validated", validated);
          condition(status, "Ready", ready);
          resources.add(resource("CustomModelVersion", 1, null, status));
        }
      }
    }
    assertSweep(
        "CustomModelVersion",
        resources,
        r -> {
          JsonNode s = r.get("status");
          if (is(s, "Validated", "False") || "invalid".equals(s.path("phase").asText(null))) {
            return "Degraded";
          }
          if (is(s, "Ready", "True")) {
            return "Healthy";
          }
          return is(s, "Ready", "False") ? "Degraded" : "Progressing";
        });
  }

  @Test
  void customJobHealthForEverySuspendAndReadyCombination() {
    List<ObjectNode> resources = new ArrayList<>();
    for (Boolean suspend : Arrays.asList(null, false, true)) {
      for (String ready : CONDITION_STATUSES) {
        ObjectNode spec = JSON.objectNode();
        ObjectNode schedule = spec.putObject("schedule").put("cron", "0 3 * * 1");
        if (suspend != null) {
          schedule.put("suspend", suspend);
        }
        ObjectNode status = status(1, null);
        condition(status, "Ready", ready);
        resources.add(resource("CustomJob", 1, spec, status));
      }
    }
    resources.add(resource("CustomJob", 1, null, null));
    assertSweep(
        "CustomJob",
        resources,
        r -> {
          JsonNode s = r.get("status");
          if (s == null) {
            return "Progressing";
          }
          if (is(s, "Ready", "False")) {
            return "Degraded";
          }
          if (r.at("/spec/schedule/suspend").asBoolean(false)) {
            return "Suspended";
          }
          return is(s, "Ready", "True") ? "Healthy" : "Progressing";
        });
  }

  @Test
  void customJobRunHealthForEveryPhase() {
    List<ObjectNode> resources = new ArrayList<>();
    for (String phase :
        Arrays.asList(
            null,
            "queued",
            "running",
            "succeeded",
            "failed",
            "interrupted",
            "canceling",
            "canceled",
            "somethingNew")) {
      for (String ready : Arrays.asList(null, "True", "False")) {
        for (String message : Arrays.asList(null, "what happened")) {
          ObjectNode status = status(1, phase);
          condition(status, "Ready", ready);
          if (message != null) {
            status.put("message", message);
          }
          resources.add(resource("CustomJobRun", 1, null, status));
        }
      }
    }
    List<Health> actual = ArgoHealthScripts.evaluate("CustomJobRun", resources);
    SoftAssertions softly = new SoftAssertions();
    for (int i = 0; i < resources.size(); i++) {
      JsonNode s = resources.get(i).get("status");
      String expected =
          switch (s.path("phase").asText("")) {
            case "succeeded" -> "Healthy";
            case "failed", "interrupted" -> "Degraded";
            case "canceled" -> "Suspended";
            default -> "Progressing";
          };
      softly.assertThat(actual.get(i).status()).as(s.toString()).isEqualTo(expected);
      if (s.has("message") && s.has("phase") && !s.get("phase").asText().equals("somethingNew")) {
        softly.assertThat(actual.get(i).message()).as(s.toString()).isEqualTo("what happened");
      }
      softly.assertThat(actual.get(i).message()).as(s.toString()).isNotBlank();
    }
    softly.assertAll();
  }

  @Test
  void resourceBundleHealthForEveryDeprecationAndStatusCombination() {
    List<ObjectNode> resources = new ArrayList<>();
    for (Boolean deprecated : Arrays.asList(null, false, true)) {
      ObjectNode spec = JSON.objectNode().put("cpuCount", 1);
      if (deprecated != null) {
        spec.put("deprecated", deprecated);
      }
      resources.add(resource("ResourceBundle", 2, spec, null));
      for (long observed : new long[] {1, 2}) {
        for (String ready : CONDITION_STATUSES) {
          ObjectNode status = status(observed, null);
          condition(status, "Ready", ready);
          resources.add(resource("ResourceBundle", 2, spec, status));
        }
      }
    }
    assertSweep(
        "ResourceBundle",
        resources,
        r -> {
          JsonNode s = r.get("status");
          if (s != null && s.get("observedGeneration").asLong() < 2) {
            return "Progressing";
          }
          return s != null && is(s, "Ready", "False") ? "Degraded" : "Healthy";
        });
  }

  @Test
  void executionEnvironmentHealthForEveryImageReferenceCombination() {
    List<List<String>> builds =
        List.of(
            List.of(),
            List.of("Valid"),
            List.of("Valid", "Valid"),
            List.of("Valid", "Invalid"),
            List.of("Invalid"),
            Arrays.asList((String) null),
            Arrays.asList(null, "Valid"),
            Arrays.asList("Invalid", null),
            Arrays.asList("Valid", null));
    List<ObjectNode> resources = new ArrayList<>();
    for (List<String> build : builds) {
      for (String ready : CONDITION_STATUSES) {
        ObjectNode status = status(1, null);
        ArrayNode versions = status.putArray("versions");
        for (int i = 0; i < build.size(); i++) {
          ObjectNode v = versions.addObject().put("label", i + ".0");
          if (build.get(i) != null) {
            v.put("imageReference", build.get(i));
          }
        }
        condition(status, "Ready", ready);
        resources.add(resource("ExecutionEnvironment", 1, null, status));
      }
    }
    resources.add(resource("ExecutionEnvironment", 1, null, null));
    assertSweep(
        "ExecutionEnvironment",
        resources,
        r -> {
          JsonNode s = r.get("status");
          if (s == null) {
            return "Progressing";
          }
          List<String> states = new ArrayList<>();
          s.get("versions").forEach(v -> states.add(v.path("imageReference").asText("none")));
          if (is(s, "Ready", "False") || states.contains("Invalid")) {
            return "Degraded";
          }
          boolean allValid = !states.isEmpty() && states.stream().allMatch("Valid"::equals);
          return allValid ? "Healthy" : "Progressing";
        });
  }

  private static void assertSweep(
      String kind, List<ObjectNode> resources, Function<JsonNode, String> expected) {
    List<Health> actual = ArgoHealthScripts.evaluate(kind, resources);
    SoftAssertions softly = new SoftAssertions();
    for (int i = 0; i < resources.size(); i++) {
      JsonNode r = resources.get(i);
      String description = r.path("spec") + " " + r.path("status");
      softly.assertThat(actual.get(i).status()).as(description).isEqualTo(expected.apply(r));
      softly.assertThat(actual.get(i).message()).as(description).isNotBlank();
    }
    softly.assertAll();
  }

  private static ObjectNode resource(
      String kind, long generation, ObjectNode spec, ObjectNode status) {
    ObjectNode partial = JSON.objectNode();
    partial.putObject("metadata").put("generation", generation);
    if (spec != null) {
      partial.set("spec", spec);
    }
    if (status != null) {
      partial.set("status", status);
    }
    return ArgoHealthScripts.resource(kind, partial);
  }

  private static ObjectNode status(long observedGeneration, String phase) {
    ObjectNode status = JSON.objectNode().put("observedGeneration", observedGeneration);
    if (phase != null) {
      status.put("phase", phase);
    }
    return status;
  }

  private static void condition(ObjectNode status, String type, String conditionStatus) {
    if (conditionStatus == null) {
      return;
    }
    ArrayNode conditions =
        status.has("conditions")
            ? (ArrayNode) status.get("conditions")
            : status.putArray("conditions");
    conditions
        .addObject()
        .put("type", type)
        .put("status", conditionStatus)
        .put("reason", "Because")
        .put("message", type + " is " + conditionStatus);
  }

  private static boolean is(JsonNode status, String type, String conditionStatus) {
    for (JsonNode c : status.path("conditions")) {
      if (c.path("type").asText().equals(type)) {
        return c.path("status").asText().equals(conditionStatus);
      }
    }
    return false;
  }

  private static List<JsonNode> fixtures(String kind) throws IOException {
    Path file =
        LocalCluster.repoDir()
            .resolve("src/test/resources/argocd/health-fixtures/" + kind + ".yaml");
    List<JsonNode> cases = new ArrayList<>();
    YAML.readTree(file.toFile()).forEach(cases::add);
    return cases;
  }

  private static Set<String> phases(String kind) throws IOException {
    return Set.copyOf(
        fixtures(kind).stream()
            .map(c -> c.at("/obj/status/phase").asText(""))
            .filter(p -> !p.isEmpty())
            .toList());
  }

  private static Set<String> conditionStatuses(String kind) throws IOException {
    List<String> statuses = new ArrayList<>();
    for (JsonNode c : fixtures(kind)) {
      c.at("/obj/status/conditions").forEach(cond -> statuses.add(cond.get("status").asText()));
    }
    return Set.copyOf(statuses);
  }
}
