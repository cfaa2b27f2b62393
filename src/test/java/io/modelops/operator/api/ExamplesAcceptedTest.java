package io.modelops.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.modelops.operator.testing.LocalClusterExtension;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every manifest in examples/ and the reference manifests is accepted by server-side apply on the
 * real API server and reads back with the spec that was applied.
 *
 * <p>Namespaced examples go to this class's namespace and the reference manifests to a second one
 * (both define a churn-v2, and versions are immutable); cluster-scoped objects get a suffix so runs
 * never touch anyone else's objects, and are deleted afterwards; the Namespace is dry-run applied.
 */
@Tag("cluster")
class ExamplesAcceptedTest {
  private static final String FIELD_MANAGER = "modelops-examples-test";
  private static final List<GenericKubernetesResource> CLUSTER_SCOPED = new ArrayList<>();

  @RegisterExtension static LocalClusterExtension cluster = new LocalClusterExtension();
  private static String referenceNamespace;

  @BeforeAll
  static void createSpecNamespace() {
    referenceNamespace = cluster.namespace() + "-ref";
    cluster
        .client()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(referenceNamespace)
                .endMetadata()
                .build())
        .create();
  }

  @Test
  void examplesCoverEveryKind() throws IOException {
    assertThat(Manifests.examples())
        .extracting(d -> d.manifest().get("kind").asText())
        .contains(
            "Namespace",
            "ResourceBundle",
            "ExecutionEnvironment",
            "CustomModel",
            "CustomModelVersion",
            "CustomJob",
            "CustomJobRun",
            "ConfigMap",
            "Secret");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.modelops.operator.api.Manifests#examples")
  void exampleIsAcceptedAndRoundTrips(Manifests.Doc doc) {
    applyAndCompare(doc.manifest().deepCopy(), cluster.namespace());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.modelops.operator.api.Manifests#referenceManifests")
  void referenceManifestIsAcceptedVerbatimAndRoundTrips(Manifests.Doc doc) {
    applyAndCompare(doc.manifest().deepCopy(), referenceNamespace);
  }

  @Test
  void referenceStructuredScheduleAlternativeIsAccepted() throws Exception {
    ObjectNode job =
        Manifests.referenceManifests().stream()
            .map(Manifests.Doc::manifest)
            .filter(m -> m.get("kind").asText().equals("CustomJob"))
            .findFirst()
            .orElseThrow()
            .deepCopy();
    // The commented alternative in the reference manifests, verbatim.
    JsonNode schedule =
        GeneratedCrds.YAML.readTree(
            "{minute: [0], hour: [3], dayOfMonth: [\"*\"], month: [\"*\"], dayOfWeek: [1]}");
    ((ObjectNode) job.get("spec")).set("schedule", schedule);
    ((ObjectNode) job.get("metadata")).put("name", "churn-retrain-structured");
    applyAndCompare(job, referenceNamespace);
  }

  @AfterAll
  static void deleteWhatThisClassCreated() {
    if (!Boolean.getBoolean("modelops.keepNamespaces")) {
      CLUSTER_SCOPED.forEach(r -> cluster.client().resource(r).delete());
      cluster.client().namespaces().withName(referenceNamespace).delete();
    }
  }

  private static void applyAndCompare(ObjectNode manifest, String namespace) {
    String kind = manifest.get("kind").asText();
    ObjectNode metadata = (ObjectNode) manifest.get("metadata");
    if (kind.equals("Namespace")) {
      cluster
          .client()
          .resource(Manifests.toResource(manifest))
          .dryRun()
          .fieldManager(FIELD_MANAGER)
          .serverSideApply();
      return;
    }
    if (Manifests.CLUSTER_SCOPED_KINDS.contains(kind)) {
      metadata.put("name", metadata.get("name").asText() + "." + namespace);
    } else {
      metadata.put("namespace", namespace);
    }
    GenericKubernetesResource applied =
        cluster
            .client()
            .resource(Manifests.toResource(manifest))
            .fieldManager(FIELD_MANAGER)
            .forceConflicts()
            .serverSideApply();
    if (Manifests.CLUSTER_SCOPED_KINDS.contains(kind)) {
      CLUSTER_SCOPED.add(applied);
    }

    JsonNode stored = Manifests.toTree(Manifests.get(cluster.client(), manifest));
    switch (kind) {
      case "ConfigMap" -> assertSame("data", manifest.get("data"), stored.get("data"));
      case "Secret" ->
          assertThat(fieldNames(stored.get("data")))
              .containsExactlyInAnyOrderElementsOf(fieldNames(manifest.get("stringData")));
      default -> assertSame("spec", manifest.get("spec"), stored.get("spec"));
    }
  }

  private static void assertSame(String what, JsonNode applied, JsonNode stored) {
    assertThat(JsonTrees.same(applied, stored))
        .as("%s read back differs:%n applied: %s%n stored:  %s", what, applied, stored)
        .isTrue();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
