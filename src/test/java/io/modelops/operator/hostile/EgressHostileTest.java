package io.modelops.operator.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.modelops.operator.api.v1alpha1.common.Condition;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.testing.LocalClusterExtension;
import io.modelops.operator.testing.Manifests;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Egress isolation fails closed: a model's or a run's pods never exist without the NetworkPolicy
 * the operator made for them, whatever names a tenant picks or objects it makes by hand; the other
 * tenant's model keeps serving throughout.
 */
@Tag("cluster")
class EgressHostileTest {
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
  void aModelNamedLikeAJobsPolicyServesUnderItsOwnPolicy() {
    // A CustomJob churn once owned NetworkPolicy churn-runs, which a model churn-runs also wanted:
    // the model got a 409 on its policy yet served without one.
    job("churn", "");
    await().atMost(Duration.ofSeconds(30)).until(() -> policy("churn-job") != null);
    tenants.model(ns, "churn-runs", "networkEgressPolicy: NONE");
    tenants.version(ns, "churn-runs-v1", "churn-runs", "1.0");

    tenants.awaitReady(ns, "churn-runs");
    assertThat(controller(policy("churn-job"))).isEqualTo("CustomJob/churn");
    NetworkPolicy modelPolicy = policy("churn-runs-model");
    assertThat(controller(modelPolicy)).isEqualTo("CustomModel/churn-runs");
    assertThat(modelPolicy.getSpec().getPodSelector().getMatchLabels())
        .containsEntry("modelops.io/model", "churn-runs");
    assertThat(modelPolicy.getSpec().getPolicyTypes()).contains("Egress");
    tenants.bystanderKeepsServing();
  }

  @Test
  void aJobNamedLikeAModelsPolicyLeavesTheModelsPolicyAlone() {
    // The reverse order once stripped the job's policy.
    tenants.model(ns, "nightly-model", "");
    tenants.version(ns, "nightly-model-v1", "nightly-model", "1.0");
    tenants.awaitReady(ns, "nightly-model");
    job("nightly", "");

    await().atMost(Duration.ofSeconds(30)).until(() -> policy("nightly-job") != null);
    assertThat(controller(policy("nightly-job"))).isEqualTo("CustomJob/nightly");
    assertThat(controller(policy("nightly-model-model"))).isEqualTo("CustomModel/nightly-model");
    tenants.bystanderKeepsServing();
  }

  @Test
  void aModelsPolicyExistsBeforeItsDeployment() {
    Map<String, Long> added = new ConcurrentHashMap<>();
    try (Watch policies =
            cluster.client().network().networkPolicies().inNamespace(ns).watch(recorder(added));
        Watch deployments =
            cluster.client().apps().deployments().inNamespace(ns).watch(recorder(added))) {
      tenants.model(ns, "ordered", "");
      tenants.version(ns, "ordered-v1", "ordered", "1.0");
      tenants.awaitReady(ns, "ordered");
    }
    // The revision each object was created at (one etcd orders all writes).
    assertThat(added).containsKeys("NetworkPolicy/ordered-model", "Deployment/ordered-v1");
    assertThat(added.get("NetworkPolicy/ordered-model"))
        .isLessThan(added.get("Deployment/ordered-v1"));
    tenants.bystanderKeepsServing();
  }

  @Test
  void aPolicyMadeByHandWithTheModelsPolicyNameIsANameConflictAndNoPodRuns() {
    handMadePolicy("wide-model", Map.of("modelops.io/model", "wide"));
    tenants.model(ns, "wide", "");
    tenants.version(ns, "wide-v1", "wide", "1.0");

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              Condition ready =
                  Tenants.condition(tenants.getModel(ns, "wide"), "Ready").orElseThrow();
              assertThat(ready.getStatus()).isEqualTo(ConditionStatus.FALSE);
              assertThat(ready.getReason()).isEqualTo("NameConflict");
              assertThat(ready.getMessage())
                  .contains("NetworkPolicy wide-model already exists and has no owner");
            });
    assertThat(cluster.client().apps().deployments().inNamespace(ns).withName("wide-v1").get())
        .isNull();
    assertThat(policy("wide-model").getMetadata().getOwnerReferences()).isNullOrEmpty();
    assertThat(policy("wide-model").getSpec().getPolicyTypes()).containsExactly("Ingress");
    tenants.bystanderKeepsServing();
  }

  @Test
  void aJobWhosePolicyNameIsTakenRefusesAndItsRunsWaitWithoutPods() {
    handMadePolicy("guarded-job", Map.of("modelops.io/job", "guarded"));
    job("guarded", "");
    Manifests.apply(
        cluster.client(),
        ns,
        CustomJobRun.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJobRun
        metadata: {name: guarded-1}
        spec: {customJobRef: {name: guarded}}
        """);

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              CustomJob job =
                  cluster
                      .client()
                      .resources(CustomJob.class)
                      .inNamespace(ns)
                      .withName("guarded")
                      .get();
              Condition ready =
                  job.getStatus().getConditions().stream()
                      .filter(c -> c.getType().equals("Ready"))
                      .findFirst()
                      .orElseThrow();
              assertThat(ready.getStatus()).isEqualTo(ConditionStatus.FALSE);
              assertThat(ready.getReason()).isEqualTo("NameConflict");
              assertThat(ready.getMessage())
                  .contains("NetworkPolicy guarded-job already exists and has no owner");
              CustomJobRun run = run("guarded-1");
              assertThat(run.getStatus().getPhase().name()).isEqualTo("QUEUED");
              assertThat(run.getStatus().getConditions())
                  .anySatisfy(c -> assertThat(c.getReason()).isEqualTo("NetworkPolicyPending"));
            });
    assertThat(cluster.client().batch().v1().jobs().inNamespace(ns).withName("guarded-1").get())
        .isNull();
    assertThat(policy("guarded-job").getMetadata().getOwnerReferences()).isNullOrEmpty();
    tenants.bystanderKeepsServing();

    // Once the other policy is gone, the job makes its own and the run starts.
    cluster.client().network().networkPolicies().inNamespace(ns).withName("guarded-job").delete();
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              assertThat(controller(policy("guarded-job"))).isEqualTo("CustomJob/guarded");
              assertThat(
                      cluster
                          .client()
                          .batch()
                          .v1()
                          .jobs()
                          .inNamespace(ns)
                          .withName("guarded-1")
                          .get())
                  .isNotNull();
            });
  }

  private static void job(String name, String extra) {
    Manifests.apply(
        cluster.client(),
        ns,
        CustomJob.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJob
        metadata: {name: %s}
        spec:
          environment: {name: %s, version: "1.0"}
          code: {configMap: {name: %s}}
        %s
        """
            .formatted(name, tenants.env, Tenants.CODE, extra.indent(2)));
  }

  private static CustomJobRun run(String name) {
    return cluster.client().resources(CustomJobRun.class).inNamespace(ns).withName(name).get();
  }

  private static NetworkPolicy policy(String name) {
    return cluster.client().network().networkPolicies().inNamespace(ns).withName(name).get();
  }

  private static String controller(HasMetadata object) {
    return object.getMetadata().getOwnerReferences().stream()
        .filter(r -> Boolean.TRUE.equals(r.getController()))
        .map(r -> r.getKind() + "/" + r.getName())
        .findFirst()
        .orElse("none");
  }

  /** A policy that allows all egress (Ingress only): what a tenant would like its pods to get. */
  private static void handMadePolicy(String name, Map<String, String> selector) {
    cluster
        .client()
        .network()
        .networkPolicies()
        .inNamespace(ns)
        .resource(
            new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector()
                .withMatchLabels(selector)
                .endPodSelector()
                .withPolicyTypes("Ingress")
                .endSpec()
                .build())
        .create();
  }

  private static <T extends HasMetadata> Watcher<T> recorder(Map<String, Long> added) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, T resource) {
        if (action == Action.ADDED) {
          added.putIfAbsent(
              resource.getKind() + "/" + resource.getMetadata().getName(),
              Long.parseLong(resource.getMetadata().getResourceVersion()));
        }
      }

      @Override
      public void onClose(WatcherException cause) {}
    };
  }
}
