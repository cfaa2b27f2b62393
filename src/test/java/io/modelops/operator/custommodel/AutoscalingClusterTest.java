package io.modelops.operator.custommodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.modelops.operator.api.v1alpha1.common.Condition;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.testing.ExternalCommand;
import io.modelops.operator.testing.InProcessOperator;
import io.modelops.operator.testing.LocalCluster;
import io.modelops.operator.testing.LocalClusterExtension;
import io.modelops.operator.testing.Manifests;
import io.modelops.operator.testing.RequestCounter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Autoscaling and the scale subresource on the local control plane. There is no metrics server, so
 * the HorizontalPodAutoscaler never changes replicas by itself: the tests scale the served
 * Deployment through its scale subresource, as the autoscaler would, and count the operator's
 * writes to prove it never touches the replicas while the autoscaler owns them. The operator runs
 * with maxCustomModelReplicasPerDeployment 4.
 */
@Tag("cluster")
class AutoscalingClusterTest {
  @RegisterExtension
  static LocalClusterExtension cluster = new LocalClusterExtension().withRestrictedPodSecurity();

  static final int LIMIT = 4;

  /** The JOSDK field manager of the model controller's server-side applies. */
  static final String OPERATOR_MANAGER = "custommodel";

  /** A "replicas" key in a JSON or YAML body (not a longer key ending in -replicas). */
  static final Pattern REPLICAS_FIELD = Pattern.compile("(^|[^-\\w/])\"?replicas\"?\\s*:");

  static RequestCounter counter;
  static InProcessOperator operator;
  static String ns;
  static String env;

  @BeforeAll
  static void startOperator() {
    ns = cluster.namespace();
    env = "py-autoscale-" + ns;
    counter = new RequestCounter(cluster.client().getConfiguration());
    operator =
        InProcessOperator.start(
            counter.client(), c -> AutoscalingTest.withMaxReplicas(c, LIMIT), ns);
    Manifests.applyClusterScoped(
        cluster.client(),
        ExecutionEnvironment.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: ExecutionEnvironment
        metadata: {name: %s}
        spec:
          programmingLanguage: python
          versions: [{label: "1.0", image: "python:3.11-slim"}]
        """
            .formatted(env));
    Manifests.apply(
        cluster.client(),
        ns,
        ConfigMap.class,
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: code}
        data:
          start_server.sh: |
            #!/bin/sh
            exec python -m http.server "$PORT"
        """);
  }

  @AfterAll
  static void stopOperator() {
    if (operator != null) {
      operator.close();
    }
    cluster.client().resources(ExecutionEnvironment.class).withName(env).delete();
  }

  @Test
  void theAutoscalerScalesTheServedDeploymentAndTheOperatorNeverWritesItsReplicas() {
    model("ticket", "autoscaling: {minReplicas: 2, maxReplicas: 4}");
    version("ticket-a", "ticket");
    awaitReady("ticket");

    HorizontalPodAutoscaler hpa = hpa("ticket");
    assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("ticket-a");
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(4);
    assertThat(hpa.getSpec().getMetrics())
        .singleElement()
        .satisfies(m -> assertThat(m.getResource().getName()).isEqualTo("cpu"));
    assertThat(hpa.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "modelops-operator");
    assertThat(hpa.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getKind()).isEqualTo("CustomModel");
              assertThat(o.getName()).isEqualTo("ticket");
              assertThat(o.getController()).isTrue();
            });
    awaitHandedOver("ticket-a");
    assertThat(deployment("ticket-a").getSpec().getReplicas()).isEqualTo(2);

    counter.reset();
    // What the autoscaler does: a write to the Deployment's scale subresource.
    cluster.client().apps().deployments().inNamespace(ns).withName("ticket-a").scale(3);
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              CustomModel m = get("ticket");
              assertThat(m.getStatus().getReplicas()).isEqualTo(3);
              assertThat(m.getStatus().getCurrentReplicas()).isEqualTo(3);
              assertThat(m.getStatus().getReadyReplicas()).isEqualTo(3);
              assertThat(condition(m, "Ready").getStatus()).isEqualTo(ConditionStatus.TRUE);
              assertThat(condition(m, "Progressing").getStatus()).isEqualTo(ConditionStatus.FALSE);
            });
    // A change that makes the operator apply the Deployment again (its pods' TARGET_NAME).
    Manifests.mergePatch(
        cluster.client(), CustomModel.class, ns, "ticket", "{\"spec\":{\"targetName\":\"sold\"}}");
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(
                      deployment("ticket-a")
                          .getSpec()
                          .getTemplate()
                          .getSpec()
                          .getContainers()
                          .get(0)
                          .getEnv())
                  .anySatisfy(
                      e -> {
                        assertThat(e.getName()).isEqualTo("TARGET_NAME");
                        assertThat(e.getValue()).isEqualTo("sold");
                      });
              awaitReadyNow("ticket");
            });
    await()
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(10))
        .until(() -> deployment("ticket-a").getSpec().getReplicas() == 3);

    List<RequestCounter.Write> deploymentWrites =
        counter.writesWithBodies().stream()
            .filter(w -> w.path().contains("/deployments/ticket-a"))
            .toList();
    assertThat(deploymentWrites)
        .as("the operator applied the changed Deployment (bodies recorded)")
        .anyMatch(w -> w.body().contains("sold"));
    System.out.printf(
        "autoscaling: %d operator writes while the autoscaler owned the replicas, %d of them to"
            + " the Deployment: %s%n",
        counter.writes().size(),
        deploymentWrites.size(),
        deploymentWrites.stream().map(w -> w.method() + " " + w.path()).toList());
    System.out.println("autoscaling: all writes " + counter.writes());
    assertThat(counter.writes())
        .as("the unchanged autoscaler is never applied again")
        .noneMatch(w -> w.contains("/horizontalpodautoscalers"));
    assertThat(deploymentWrites)
        .as("no operator write touches spec.replicas while the autoscaler exists")
        .noneMatch(w -> REPLICAS_FIELD.matcher(w.body()).find() || w.path().endsWith("/scale"));
    assertThat(hpa("ticket").getSpec().getScaleTargetRef().getName()).isEqualTo("ticket-a");
  }

  @Test
  void aNewVersionStartsAtTheCurrentCountAndTheAutoscalerMovesToItAfterTheSwitch()
      throws Exception {
    model("queue", "autoscaling: {minReplicas: 1, maxReplicas: 4}");
    version("queue-a", "queue");
    awaitReady("queue");
    awaitHandedOver("queue-a");
    cluster.client().apps().deployments().inNamespace(ns).withName("queue-a").scale(3);
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(get("queue").getStatus().getReplicas()).isEqualTo(3));

    AtomicReference<Integer> createdWith = new AtomicReference<>();
    KubernetesClient c = cluster.client();
    try (Watch watch =
        c.apps()
            .deployments()
            .inNamespace(ns)
            .withName("queue-b")
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, Deployment d) {
                    if (action == Action.ADDED) {
                      createdWith.compareAndSet(null, d.getSpec().getReplicas());
                    }
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                })) {
      version("queue-b", "queue");
      Manifests.mergePatch(
          c, CustomModel.class, ns, "queue", "{\"spec\":{\"activeVersion\":\"queue-b\"}}");
      await()
          .ignoreExceptions()
          .atMost(Duration.ofSeconds(90))
          .untilAsserted(
              () -> {
                assertThat(get("queue").getStatus().getActiveVersion()).isEqualTo("queue-b");
                assertThat(c.apps().deployments().inNamespace(ns).withName("queue-a").get())
                    .isNull();
                assertThat(hpa("queue").getSpec().getScaleTargetRef().getName())
                    .isEqualTo("queue-b");
                awaitReadyNow("queue");
              });
    }
    assertThat(createdWith.get()).as("the new version's Deployment starts at 3").isEqualTo(3);
    awaitHandedOver("queue-b");
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> deployment("queue-b").getSpec().getReplicas() == 3);
    assertThat(get("queue").getStatus().getReplicas()).isEqualTo(3);
  }

  @Test
  void removingAutoscalingDeletesTheAutoscalerAndTheOperatorOwnsTheReplicasAgain() {
    model("lapse", "autoscaling: {minReplicas: 2, maxReplicas: 3}");
    version("lapse-a", "lapse");
    awaitReady("lapse");
    awaitHandedOver("lapse-a");
    cluster.client().apps().deployments().inNamespace(ns).withName("lapse-a").scale(3);

    Manifests.mergePatch(
        cluster.client(),
        CustomModel.class,
        ns,
        "lapse",
        "{\"spec\":{\"autoscaling\":null,\"replicas\":1}}");
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(
                      cluster
                          .client()
                          .autoscaling()
                          .v2()
                          .horizontalPodAutoscalers()
                          .inNamespace(ns)
                          .withName("lapse")
                          .get())
                  .isNull();
              Deployment d = deployment("lapse-a");
              assertThat(d.getSpec().getReplicas()).isEqualTo(1);
              assertThat(ReplicasHandover.appliedReplicas(d, OPERATOR_MANAGER)).isTrue();
              assertThat(d.getMetadata().getAnnotations())
                  .doesNotContainKey("modelops.io/autoscaling-min-replicas");
              CustomModel m = get("lapse");
              assertThat(m.getStatus().getReplicas()).isEqualTo(1);
              awaitReadyNow("lapse");
            });
  }

  @Test
  void kubectlScaleOnACustomModelChangesTheServedReplicas() {
    model("scaled", "replicas: 1");
    version("scaled-a", "scaled");
    awaitReady("scaled");

    kubectl("scale", "custommodel/scaled", "--replicas=3").requireSuccess();
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(deployment("scaled-a").getStatus().getAvailableReplicas()).isEqualTo(3);
              CustomModel m = get("scaled");
              assertThat(m.getSpec().getReplicas()).isEqualTo(3);
              assertThat(m.getStatus().getReplicas()).isEqualTo(3);
              assertThat(m.getStatus().getCurrentReplicas()).isEqualTo(3);
              assertThat(m.getStatus().getReadyReplicas()).isEqualTo(3);
              assertThat(m.getStatus().getSelector())
                  .isEqualTo("modelops.io/model=scaled,modelops.io/version=scaled-a");
              awaitReadyNow("scaled");
            });
    // What an autoscaler targeting the CustomModel reads: the scale subresource.
    var scale =
        cluster.client().resources(CustomModel.class).inNamespace(ns).withName("scaled").scale();
    assertThat(scale.getSpec().getReplicas()).isEqualTo(3);
    assertThat(scale.getStatus().getReplicas()).isEqualTo(3);
    assertThat(scale.getStatus().getSelector())
        .isEqualTo("modelops.io/model=scaled,modelops.io/version=scaled-a");
  }

  @Test
  void kubectlScaleOnAnAutoscaledModelIsRefusedNamingBothFields() {
    model("pinned", "autoscaling: {maxReplicas: 3}");
    var result = kubectl("scale", "custommodel/pinned", "--replicas=2");
    assertThat(result.succeeded()).isFalse();
    assertThat(result.stderr())
        .contains("spec.replicas")
        .contains("replicas and autoscaling cannot both be set");
    assertThat(get("pinned").getSpec().getReplicas()).isNull();
  }

  @Test
  void refusesBoundsTheSchemaCanCheckAtApplyNamingTheField() {
    assertThatThrownBy(() -> model("inverted", "autoscaling: {minReplicas: 3, maxReplicas: 2}"))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.autoscaling.minReplicas")
        .hasMessageContaining("must not be greater than autoscaling.maxReplicas");
    assertThatThrownBy(() -> model("huge", "autoscaling: {maxReplicas: 9}"))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.autoscaling.maxReplicas");
    assertThatThrownBy(() -> model("both", "replicas: 2\nautoscaling: {maxReplicas: 3}"))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.replicas")
        .hasMessageContaining("replicas and autoscaling cannot both be set");
    assertThatThrownBy(
            () ->
                model("lonely", "requiresHa: true\nautoscaling: {minReplicas: 1, maxReplicas: 3}"))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.autoscaling")
        .hasMessageContaining("requiresHa needs autoscaling.minReplicas");
  }

  @Test
  void refusesMaxReplicasAboveTheOperatorLimitInStatusWithAWarningEvent() {
    model("greedy", "autoscaling: {maxReplicas: 6}");
    version("greedy-a", "greedy");
    String message =
        "spec.autoscaling.maxReplicas 6 exceeds the operator limit"
            + " maxCustomModelReplicasPerDeployment="
            + LIMIT;
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              CustomModel m = get("greedy");
              assertThat(condition(m, "Ready").getStatus()).isEqualTo(ConditionStatus.FALSE);
              assertThat(condition(m, "Ready").getReason()).isEqualTo("LimitExceeded");
              assertThat(condition(m, "Ready").getMessage()).isEqualTo(message);
              assertThat(cluster.client().events().v1().events().inNamespace(ns).list().getItems())
                  .anySatisfy(
                      e -> {
                        assertThat(e.getRegarding().getName()).isEqualTo("greedy");
                        assertThat(e.getType()).isEqualTo("Warning");
                        assertThat(e.getReason()).isEqualTo("LimitExceeded");
                        assertThat(e.getNote()).contains(message);
                      });
            });
    assertThat(
            cluster
                .client()
                .autoscaling()
                .v2()
                .horizontalPodAutoscalers()
                .inNamespace(ns)
                .withName("greedy")
                .get())
        .isNull();
    assertThat(cluster.client().apps().deployments().inNamespace(ns).withName("greedy-a").get())
        .isNull();
  }

  static CustomModel model(String name, String extraSpec) {
    return Manifests.apply(
        cluster.client(),
        ns,
        CustomModel.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModel
        metadata: {name: %s}
        spec:
          targetType: Regression
          targetName: price
        %s
        """
            .formatted(name, extraSpec.indent(2)));
  }

  static CustomModelVersion version(String name, String model) {
    return Manifests.apply(
        cluster.client(),
        ns,
        CustomModelVersion.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModelVersion
        metadata: {name: %s}
        spec:
          customModelRef: {name: %s}
          environment: {name: %s, version: "1.0"}
          code: {configMap: {name: code}}
        """
            .formatted(name, model, env));
  }

  static ExternalCommand.Result kubectl(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "--kubeconfig";
    all[1] = LocalCluster.kubeconfig().toString();
    all[2] = "-n";
    all[3] = ns;
    System.arraycopy(args, 0, all, 4, args.length);
    return ExternalCommand.kubectl(all).run();
  }

  static CustomModel get(String name) {
    return cluster.client().resources(CustomModel.class).inNamespace(ns).withName(name).get();
  }

  static Deployment deployment(String name) {
    return cluster.client().apps().deployments().inNamespace(ns).withName(name).get();
  }

  static HorizontalPodAutoscaler hpa(String name) {
    return cluster
        .client()
        .autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(ns)
        .withName(name)
        .get();
  }

  static Condition condition(CustomModel model, String type) {
    return model.getStatus().getConditions().stream()
        .filter(c -> c.getType().equals(type))
        .findFirst()
        .orElseThrow();
  }

  /** The operator's apply no longer owns the Deployment's replicas (the autoscaler does). */
  static void awaitHandedOver(String deployment) {
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        ReplicasHandover.appliedReplicas(deployment(deployment), OPERATOR_MANAGER))
                    .isFalse());
  }

  static void awaitReady(String name) {
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(() -> awaitReadyNow(name));
  }

  static void awaitReadyNow(String name) {
    CustomModel m = get(name);
    assertThat(m.getStatus()).isNotNull();
    assertThat(m.getStatus().getObservedGeneration()).isEqualTo(m.getMetadata().getGeneration());
    assertThat(condition(m, "Ready").getStatus()).isEqualTo(ConditionStatus.TRUE);
    assertThat(m.getStatus().getPhase().name()).isEqualTo("ACTIVE");
  }
}
