package io.modelops.operator.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.modelops.operator.api.v1alpha1.common.Condition;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import io.modelops.operator.api.v1alpha1.custommodeltest.TestingStatus;
import io.modelops.operator.testing.LocalClusterExtension;
import io.modelops.operator.testing.Manifests;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A tenant misusing CustomModelTests — squatting the name of a test's Job, asking for more parallel
 * clients than the schema allows, or un-canceling a test — is refused at apply with the field named
 * or in status with a reason and one Warning event; the other tenant's model keeps serving.
 */
@Tag("cluster")
class ModelTestsHostileTest {
  @RegisterExtension
  static LocalClusterExtension cluster = new LocalClusterExtension().withRestrictedPodSecurity();

  static Tenants tenants;
  static String ns;

  @BeforeAll
  static void start() {
    tenants = Tenants.start(cluster);
    ns = tenants.hostile;
    tenants.model(ns, "probe", "");
    tenants.version(ns, "probe-v1", "probe", "1.0");
  }

  @AfterAll
  static void stop() {
    if (tenants != null) {
      tenants.close();
    }
  }

  static CustomModelTest test(String name, String extraSpec) {
    return Manifests.apply(
        cluster.client(),
        ns,
        CustomModelTest.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModelTest
        metadata: {name: %s}
        spec:
          customModelVersionRef: {name: probe-v1}
        %s
        """
            .formatted(name, extraSpec.indent(2)));
  }

  static CustomModelTest get(String name) {
    return cluster.client().resources(CustomModelTest.class).inNamespace(ns).withName(name).get();
  }

  @Test
  void aJobMadeByHandWithATestsJobNameIsANameConflictAndLeftAlone() {
    Job own =
        Manifests.apply(
            cluster.client(),
            ns,
            Job.class,
            """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: squat-test, labels: {mine: "yes"}}
            spec:
              suspend: true
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: c, image: "registry.example/own:1"}]
            """);
    // A valid test (the tenant's code ConfigMap stands in for a dataset): only the name is taken.
    test("squat", "dataset: {configMapKeyRef: {name: " + Tenants.CODE + ", key: run.sh}}");
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              CustomModelTest t = get("squat");
              assertThat(t.getStatus().getOverallStatus()).isEqualTo(TestingStatus.NOT_TESTED);
              Condition ready =
                  t.getStatus().getConditions().stream()
                      .filter(c -> c.getType().equals("Ready"))
                      .findFirst()
                      .orElseThrow();
              assertThat(ready.getReason()).isEqualTo("NameConflict");
              assertThat(ready.getMessage())
                  .contains("Job squat-test already exists")
                  .doesNotContain("Exception");
              assertThat(tenants.warnings(ns, "squat", "NameConflict")).hasSize(1);
            });
    Job after = cluster.client().batch().v1().jobs().inNamespace(ns).withName("squat-test").get();
    assertThat(after.getMetadata().getOwnerReferences()).isNullOrEmpty();
    assertThat(after.getMetadata().getLabels()).isEqualTo(own.getMetadata().getLabels());
    assertThat(
            cluster
                .client()
                .network()
                .networkPolicies()
                .inNamespace(ns)
                .withName("squat-test")
                .get())
        .isNull();
    tenants.bystanderKeepsServing();
  }

  @Test
  void tooManyParallelClientsAreRefusedAtApplyNamingTheField() {
    assertThatThrownBy(() -> test("flood", "performance: {parallelUsers: 100000}"))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.performance.parallelUsers");
    tenants.bystanderKeepsServing();
  }

  @Test
  void aCanceledTestCannotBeUncanceledOrRetargeted() {
    test("once", "cancel: true");
    assertThatThrownBy(() -> test("once", "cancel: false"))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("cancel cannot be undone");
    assertThatThrownBy(
            () ->
                Manifests.mergePatch(
                    cluster.client(),
                    CustomModelTest.class,
                    ns,
                    "once",
                    "{\"spec\":{\"customModelVersionRef\":{\"name\":\"other\"}}}"))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("customModelVersionRef is immutable");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                get("once").getStatus() != null
                    && get("once").getStatus().getOverallStatus() == TestingStatus.CANCELED);
    tenants.bystanderKeepsServing();
  }
}
