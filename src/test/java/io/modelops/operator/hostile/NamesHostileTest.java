package io.modelops.operator.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.modelops.operator.api.v1alpha1.common.Condition;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.naming.Names;
import io.modelops.operator.testing.LocalClusterExtension;
import io.modelops.operator.testing.Manifests;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A tenant choosing names that collide — with each other's objects, with objects made by hand, or
 * past Kubernetes' length limits — gets its own objects or a {@code NameConflict}, never another
 * owner's object; the other tenant's model keeps serving throughout.
 */
@Tag("cluster")
class NamesHostileTest {
  @RegisterExtension
  static LocalClusterExtension cluster = new LocalClusterExtension().withRestrictedPodSecurity();

  static Tenants tenants;
  static String ns;

  @BeforeAll
  static void start() {
    tenants = Tenants.start(cluster);
    ns = tenants.hostile;
  }

  @AfterAll
  static void stop() {
    if (tenants != null) {
      tenants.close();
    }
  }

  @Test
  void modelsWhoseNamesConcatenateAlikeBothServe() {
    // Model a + version b-c and model a-b + version c once both wanted Deployment a-b-c.
    tenants.model(ns, "a", "");
    tenants.version(ns, "b-c", "a", "1.0");
    tenants.model(ns, "a-b", "");
    tenants.version(ns, "c", "a-b", "1.0");

    tenants.awaitReady(ns, "a");
    tenants.awaitReady(ns, "a-b");
    assertThat(deployment("b-c").getMetadata().getOwnerReferences().get(0).getName())
        .isEqualTo("a");
    assertThat(deployment("c").getMetadata().getOwnerReferences().get(0).getName())
        .isEqualTo("a-b");
    tenants.bystanderKeepsServing();
  }

  @Test
  void aDeploymentMadeByHandWithTheIntendedNameIsANameConflictAndLeftAlone() {
    Deployment own = handMadeDeployment("squat-v1");
    tenants.model(ns, "squat", "");
    tenants.version(ns, "squat-v1", "squat", "1.0");

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              CustomModel m = tenants.getModel(ns, "squat");
              Condition ready = Tenants.condition(m, "Ready").orElseThrow();
              assertThat(ready.getStatus()).isEqualTo(ConditionStatus.FALSE);
              assertThat(ready.getReason()).isEqualTo("NameConflict");
              assertThat(ready.getMessage())
                  .contains("Deployment squat-v1 already exists and has no owner")
                  .contains("Rename CustomModelVersion squat-v1")
                  .doesNotContain("Exception");
              assertThat(Tenants.condition(m, "Progressing").orElseThrow().getStatus())
                  .isEqualTo(ConditionStatus.FALSE);
              assertThat(tenants.warnings(ns, "squat", "NameConflict")).hasSize(1);
            });
    // Fail closed and hands off: nothing of the model exists, the tenant's object is untouched.
    Deployment after = deployment("squat-v1");
    assertThat(after.getMetadata().getOwnerReferences()).isNullOrEmpty();
    assertThat(after.getMetadata().getLabels()).isEqualTo(own.getMetadata().getLabels());
    assertThat(after.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("registry.example/own:1");
    assertThat(cluster.client().services().inNamespace(ns).withName("squat").get()).isNull();
    assertThat(
            cluster
                .client()
                .network()
                .networkPolicies()
                .inNamespace(ns)
                .withName("squat-model")
                .get())
        .isNull();
    tenants.bystanderKeepsServing();

    // Once the other object is gone the model serves, and its status says so.
    cluster.client().apps().deployments().inNamespace(ns).withName("squat-v1").delete();
    tenants.awaitReady(ns, "squat");
    CustomModel m = tenants.getModel(ns, "squat");
    assertThat(m.getStatus().getConditions())
        .allSatisfy(c -> assertThat(c.getReason()).isNotEqualTo("NameConflict"));
    assertThat(deployment("squat-v1").getMetadata().getOwnerReferences().get(0).getName())
        .isEqualTo("squat");
  }

  @Test
  void aDeploymentOfAnotherModelWithTheIntendedNameIsANameConflict() {
    // Version names are unique in a namespace, so this takes a version deleted and made again
    // for another model while the first model's Deployment still serves it.
    tenants.model(ns, "first", "activeVersion: shared");
    tenants.version(ns, "shared", "first", "1.0");
    tenants.awaitReady(ns, "first");
    cluster
        .client()
        .resources(CustomModelVersion.class)
        .inNamespace(ns)
        .withName("shared")
        .delete();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                cluster
                        .client()
                        .resources(CustomModelVersion.class)
                        .inNamespace(ns)
                        .withName("shared")
                        .get()
                    == null);
    tenants.model(ns, "second", "");
    tenants.version(ns, "shared", "second", "1.0");

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              Condition ready =
                  Tenants.condition(tenants.getModel(ns, "second"), "Ready").orElseThrow();
              assertThat(ready.getReason()).isEqualTo("NameConflict");
              assertThat(ready.getMessage())
                  .contains(
                      "Deployment shared already exists and is controlled by CustomModel first");
            });
    assertThat(deployment("shared").getMetadata().getOwnerReferences().get(0).getName())
        .isEqualTo("first");
    tenants.bystanderKeepsServing();
  }

  @Test
  void aJobMadeByHandWithARunsNameIsANameConflictAndLeftAlone() {
    Manifests.apply(
        cluster.client(),
        ns,
        CustomJob.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJob
        metadata: {name: batch}
        spec:
          environment: {name: %s, version: "1.0"}
          code: {configMap: {name: %s}}
        """
            .formatted(tenants.env, Tenants.CODE));
    cluster
        .client()
        .batch()
        .v1()
        .jobs()
        .inNamespace(ns)
        .resource(
            new JobBuilder()
                .withNewMetadata()
                .withName("batch-run")
                .endMetadata()
                .withNewSpec()
                .withSuspend(true)
                .withNewTemplate()
                .withNewSpec()
                .withRestartPolicy("Never")
                .addNewContainer()
                .withName("own")
                .withImage("registry.example/own:1")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    Manifests.apply(
        cluster.client(),
        ns,
        CustomJobRun.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJobRun
        metadata: {name: batch-run}
        spec: {customJobRef: {name: batch}}
        """);

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              CustomJobRun run =
                  cluster
                      .client()
                      .resources(CustomJobRun.class)
                      .inNamespace(ns)
                      .withName("batch-run")
                      .get();
              assertThat(run.getStatus().getPhase().name()).isEqualTo("QUEUED");
              assertThat(run.getStatus().getMessage())
                  .contains("Job batch-run already exists and has no owner");
              assertThat(tenants.warnings(ns, "batch-run", "NameConflict")).hasSize(1);
            });
    Job job = cluster.client().batch().v1().jobs().inNamespace(ns).withName("batch-run").get();
    assertThat(job.getMetadata().getOwnerReferences()).isNullOrEmpty();
    assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getName())
        .isEqualTo("own");
    tenants.bystanderKeepsServing();
  }

  @Test
  void aVersionNameOver63CharactersIsShownAsWrittenAndFrozenOnceServed() {
    String version = "long-" + "v".repeat(70);
    tenants.model(ns, "longname", "");
    tenants.version(ns, version, "longname", "1.0");

    tenants.awaitReady(ns, "longname");
    CustomModel m = tenants.getModel(ns, "longname");
    assertThat(m.getStatus().getActiveVersion()).isEqualTo(version);
    assertThat(Tenants.condition(m, "Ready").orElseThrow().getMessage()).contains(version);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        cluster
                            .client()
                            .resources(CustomModelVersion.class)
                            .inNamespace(ns)
                            .withName(version)
                            .get()
                            .getStatus()
                            .getFrozen())
                    .isTrue());
    tenants.bystanderKeepsServing();
  }

  @Test
  void theServedPodsOfAVersionNameOver63CharactersAreMatchedForReasons() {
    String version = "broken-" + "v".repeat(70);
    tenants.model(ns, "longbroken", "");
    tenants.version(ns, version, "longbroken", "broken");

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              CustomModel m = tenants.getModel(ns, "longbroken");
              assertThat(Tenants.condition(m, "Degraded").orElseThrow().getReason())
                  .isEqualTo("ImagePullBackOff");
              assertThat(Tenants.condition(m, "Progressing").orElseThrow().getMessage())
                  .as("the version is named as written where a user reads it")
                  .contains("version " + version + " ");
            });
    // Nowhere a user reads about the model does the shortened label value stand for the name.
    String shortened = Names.labelValue(version);
    CustomModel m = tenants.getModel(ns, "longbroken");
    assertThat(m.getStatus().getConditions())
        .allSatisfy(c -> assertThat(c.getMessage()).doesNotContain(shortened));
    assertThat(
            cluster.client().events().v1().events().inNamespace(ns).list().getItems().stream()
                .filter(e -> e.getRegarding() != null)
                .filter(e -> "longbroken".equals(e.getRegarding().getName()))
                .map(e -> e.getNote()))
        .allSatisfy(note -> assertThat(note).doesNotContain(shortened));
    tenants.bystanderKeepsServing();
  }

  private static Deployment deployment(String name) {
    return cluster.client().apps().deployments().inNamespace(ns).withName(name).get();
  }

  private static Deployment handMadeDeployment(String name) {
    Map<String, String> labels = Map.of("app", "own");
    return cluster
        .client()
        .apps()
        .deployments()
        .inNamespace(ns)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withReplicas(0)
                .withNewSelector()
                .withMatchLabels(labels)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("own")
                .withImage("registry.example/own:1")
                .withNewSecurityContext()
                .withAllowPrivilegeEscalation(false)
                .withRunAsNonRoot(true)
                .withNewCapabilities()
                .withDrop("ALL")
                .endCapabilities()
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .endSecurityContext()
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
  }
}
