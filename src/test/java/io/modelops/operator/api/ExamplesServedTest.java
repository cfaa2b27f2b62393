package io.modelops.operator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.testing.InProcessOperator;
import io.modelops.operator.testing.LocalCluster;
import io.modelops.operator.testing.LocalClusterExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The examples as a user runs them: applied with server-side apply (cluster-scoped ones under their
 * own names, the rest into this test's namespace, which enforces the "restricted" Pod Security
 * Standard), served by the operator until the real {@code kubectl wait} sees every model Ready and
 * the manual run and every model test succeeded — and GitOps-safe: afterwards no user-authored
 * object carries an ownerReference or a finalizer, and every spec is exactly what was applied.
 */
@Tag("cluster")
class ExamplesServedTest {
  @RegisterExtension
  static LocalClusterExtension cluster = new LocalClusterExtension().withRestrictedPodSecurity();

  static InProcessOperator operator;
  static final List<JsonNode> applied = new ArrayList<>();

  @BeforeAll
  static void applyExamples() throws IOException {
    operator = InProcessOperator.start(cluster.client(), cluster.namespace());
    for (Manifests.Doc doc : Manifests.examples()) {
      ObjectNode manifest = doc.manifest().deepCopy();
      String kind = manifest.get("kind").asText();
      if (kind.equals("Namespace")) {
        continue;
      }
      if (!Manifests.CLUSTER_SCOPED_KINDS.contains(kind)) {
        ((ObjectNode) manifest.get("metadata")).put("namespace", cluster.namespace());
      }
      GenericKubernetesResource resource = Manifests.toResource(manifest);
      cluster
          .client()
          .resource(resource)
          .fieldManager("kubectl")
          .forceConflicts()
          .serverSideApply();
      applied.add(manifest);
    }
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
  }

  @Test
  void everyExampleModelBecomesReadyForKubectlWait() throws Exception {
    Process wait =
        kubectl(
            "wait",
            "--for=condition=Ready",
            "custommodels",
            "--all",
            "-n",
            cluster.namespace(),
            "--timeout=120s");
    String out = new String(wait.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(wait.waitFor(150, TimeUnit.SECONDS)).isTrue();
    assertThat(wait.exitValue()).as(out).isZero();
    assertThat(out).contains("condition met");
  }

  @Test
  void theManualExampleRunSucceeds() {
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(90))
        .ignoreExceptions()
        .untilAsserted(
            () ->
                assertThat(
                        cluster
                            .client()
                            .resources(CustomJobRun.class)
                            .inNamespace(cluster.namespace())
                            .list()
                            .getItems())
                    .isNotEmpty()
                    .allSatisfy(
                        run ->
                            assertThat(run.getStatus().getPhase().name()).isEqualTo("SUCCEEDED")));
  }

  @Test
  void everyExampleModelTestSucceedsForKubectlWait() throws Exception {
    Process wait =
        kubectl(
            "wait",
            "--for=jsonpath={.status.overallStatus}=succeeded",
            "custommodeltests",
            "--all",
            "-n",
            cluster.namespace(),
            "--timeout=150s");
    String out = new String(wait.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(wait.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(wait.exitValue()).as(out).isZero();
    assertThat(out).contains("churn-v2-check", "iris-v1-check", "pricing-v1-check");
  }

  @Test
  void catalogueEntriesReportTheirStatus() {
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              var env =
                  cluster
                      .client()
                      .resources(
                          io.modelops.operator.api.v1alpha1.executionenvironment
                              .ExecutionEnvironment.class)
                      .withName("python311")
                      .get();
              assertThat(env.getStatus().getVersions())
                  .isNotEmpty()
                  .allSatisfy(
                      v -> {
                        assertThat(v.getImageReference().name()).isEqualTo("VALID");
                        assertThat(v.getPinned()).isFalse(); // the examples select images by tag
                      });
              assertThat(env.getStatus().getLatestVersion()).isNotNull();
              var legacy =
                  cluster
                      .client()
                      .resources(
                          io.modelops.operator.api.v1alpha1.resourcebundle.ResourceBundle.class)
                      .withName("cpu.medium.legacy")
                      .get();
              assertThat(legacy.getStatus().getConditions())
                  .singleElement()
                  .satisfies(
                      c -> {
                        assertThat(c.getType()).isEqualTo("Ready");
                        assertThat(c.getReason()).isEqualTo("Deprecated");
                      });
            });
  }

  @Test
  void userAuthoredObjectsKeepTheirSpecAndGetNoOwnerReferencesOrFinalizers() throws Exception {
    everyExampleModelBecomesReadyForKubectlWait();
    for (JsonNode manifest : applied) {
      JsonNode live = Manifests.toTree(Manifests.get(cluster.client(), manifest));
      String what = manifest.get("kind").asText() + " " + manifest.at("/metadata/name").asText();
      assertThat(
              live.at("/metadata/ownerReferences").isMissingNode()
                  || live.at("/metadata/ownerReferences").isEmpty())
          .as(what + " ownerReferences")
          .isTrue();
      assertThat(
              live.at("/metadata/finalizers").isMissingNode()
                  || live.at("/metadata/finalizers").isEmpty())
          .as(what + " finalizers")
          .isTrue();
      for (String field : List.of("spec", "data", "stringData")) {
        if (manifest.has(field) && !field.equals("stringData")) {
          assertThat(JsonTrees.same(live.get(field), manifest.get(field)))
              .as(what + " " + field + ": " + live.get(field))
              .isTrue();
        }
      }
    }
  }

  private static Process kubectl(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(LocalCluster.cliBinary("kubectl").toString());
    command.add("--kubeconfig");
    command.add(LocalCluster.kubeconfig().toString());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }
}
