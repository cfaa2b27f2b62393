package io.modelops.operator.custommodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.modelops.operator.api.v1alpha1.common.Condition;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.testing.InProcessOperator;
import io.modelops.operator.testing.LocalClusterExtension;
import io.modelops.operator.testing.Manifests;
import io.modelops.operator.testing.SimulatedImages;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Switching a model's active version a → b and back to a while the switch to b is under way (the
 * chaos harness's churn does this): the model ends serving a, with a status that says so, and b's
 * Deployment is removed — whether b never became ready, or had just taken over the Service; and a
 * switch completes even when no other event follows the cut-over.
 */
@Tag("cluster")
class BlueGreenSwitchBackTest {
  @RegisterExtension
  static LocalClusterExtension cluster = new LocalClusterExtension().withRestrictedPodSecurity();

  static InProcessOperator operator;
  static String ns;
  static String env;

  @BeforeAll
  static void startOperator() {
    ns = cluster.namespace();
    env = "switchback-" + ns;
    operator = InProcessOperator.start(withRefusableVersionStatusWrites(cluster.client()), ns);
    Manifests.applyClusterScoped(
        cluster.client(),
        ExecutionEnvironment.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: ExecutionEnvironment
        metadata: {name: %s}
        spec:
          programmingLanguage: python
          versions:
            - {label: "1.0", image: "python:3.11-slim"}
            - {label: "broken", image: "%s"}
        """
            .formatted(env, SimulatedImages.IMAGE_PULL_FAILURE));
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

  /**
   * While set, the operator's writes of CustomModelVersion status are refused (sent to a path the
   * API server answers 404): a version then never records that it is served, so the model's own
   * status write is followed by no event at all — the model must finish a switch by itself.
   */
  static volatile boolean refuseVersionStatusWrites;

  static KubernetesClient withRefusableVersionStatusWrites(KubernetesClient client) {
    return new KubernetesClientBuilder()
        .withConfig(client.getConfiguration())
        .withHttpClientBuilderConsumer(
            b ->
                b.addOrReplaceInterceptor(
                    "refuse-version-status-writes",
                    new Interceptor() {
                      @Override
                      public void before(
                          BasicBuilder builder, HttpRequest request, RequestTags tags) {
                        String uri = request.uri().toString();
                        if (refuseVersionStatusWrites
                            && !request.method().equals("GET")
                            && uri.contains("/custommodelversions/")
                            && uri.contains("/status")) {
                          builder.uri(URI.create(uri.replace("/status", "/status-refused")));
                        }
                      }
                    }))
        .build();
  }

  @AfterAll
  static void stopOperator() {
    if (operator != null) {
      operator.close();
    }
    cluster.client().resources(ExecutionEnvironment.class).withName(env).delete();
  }

  @Test
  void switchingBackBeforeTheNewVersionIsReadyServesTheOldOneAndRemovesTheNewDeployment() {
    model("slow", "slow-a");
    version("slow-a", "slow", "1.0");
    version("slow-b", "slow", "broken");
    awaitServing("slow", "slow-a");

    activate("slow", "slow-b");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> deployment("slow-b") != null && "REPLACING_MODEL".equals(phase("slow")));
    activate("slow", "slow-a");

    awaitServing("slow", "slow-a");
    assertThat(condition(get("slow"), "Degraded").getStatus()).isEqualTo(ConditionStatus.FALSE);
  }

  @Test
  void switchingBackRightAfterTheNewVersionTookOverServesTheOldOneAndRemovesTheNewDeployment() {
    model("quick", "quick-a");
    version("quick-a", "quick", "1.0");
    version("quick-b", "quick", "1.0");
    awaitServing("quick", "quick-a");
    awaitValidated("quick-b");

    refuseVersionStatusWrites = true;
    try {
      activate("quick", "quick-b");
      // The moment the Service moves to b, while a's Deployment may still be there: switch back.
      await()
          .pollInterval(Duration.ofMillis(50))
          .atMost(Duration.ofSeconds(60))
          .until(() -> "quick-b".equals(routedTo("quick")));
      activate("quick", "quick-a");

      awaitServing("quick", "quick-a");
    } finally {
      refuseVersionStatusWrites = false;
    }
  }

  @Test
  void aSwitchCompletesAndRemovesTheOldDeploymentWithoutAnotherEvent() {
    model("plain", "plain-a");
    version("plain-a", "plain", "1.0");
    version("plain-b", "plain", "1.0");
    awaitServing("plain", "plain-a");
    awaitValidated("plain-b");

    refuseVersionStatusWrites = true;
    try {
      activate("plain", "plain-b");

      awaitServing("plain", "plain-b");
    } finally {
      refuseVersionStatusWrites = false;
    }
  }

  /**
   * Serving {@code version} and nothing else: Active, Ready, rollout complete, status for the
   * current generation; the Service routes to it and its Deployment is the model's only one.
   */
  static void awaitServing(String model, String version) {
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              CustomModel m = get(model);
              assertThat(m.getStatus().getObservedGeneration())
                  .isEqualTo(m.getMetadata().getGeneration());
              assertThat(m.getStatus().getPhase().name()).isEqualTo("ACTIVE");
              assertThat(m.getStatus().getActiveVersion()).isEqualTo(version);
              assertThat(m.getStatus().getDeploymentsCount()).isEqualTo(1);
              assertThat(condition(m, "Ready").getStatus()).isEqualTo(ConditionStatus.TRUE);
              assertThat(condition(m, "Ready").getMessage()).startsWith("version " + version);
              assertThat(condition(m, "Progressing").getReason()).isEqualTo("RolloutComplete");
              assertThat(routedTo(model)).isEqualTo(version);
              assertThat(deployments(model))
                  .extracting(d -> d.getMetadata().getName())
                  .containsExactly(version);
            });
  }

  static void awaitValidated(String version) {
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                cluster
                    .client()
                    .resources(CustomModelVersion.class)
                    .inNamespace(ns)
                    .withName(version)
                    .get()
                    .getStatus()
                    .getConditions()
                    .stream()
                    .anyMatch(
                        c ->
                            c.getType().equals("Validated")
                                && c.getStatus() == ConditionStatus.TRUE));
  }

  static void model(String name, String activeVersion) {
    Manifests.apply(
        cluster.client(),
        ns,
        CustomModel.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModel
        metadata: {name: %s}
        spec:
          targetType: Regression
          targetName: y
          replicas: 1
          activeVersion: %s
        """
            .formatted(name, activeVersion));
  }

  static void version(String name, String model, String envVersion) {
    Manifests.apply(
        cluster.client(),
        ns,
        CustomModelVersion.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModelVersion
        metadata: {name: %s}
        spec:
          customModelRef: {name: %s}
          environment: {name: %s, version: "%s"}
          code: {configMap: {name: code}}
        """
            .formatted(name, model, env, envVersion));
  }

  static void activate(String model, String version) {
    Manifests.mergePatch(
        cluster.client(),
        CustomModel.class,
        ns,
        model,
        "{\"spec\":{\"activeVersion\":\"" + version + "\"}}");
  }

  static CustomModel get(String name) {
    return cluster.client().resources(CustomModel.class).inNamespace(ns).withName(name).get();
  }

  static String phase(String name) {
    CustomModel m = get(name);
    return m == null || m.getStatus() == null || m.getStatus().getPhase() == null
        ? null
        : m.getStatus().getPhase().name();
  }

  static Condition condition(CustomModel model, String type) {
    return model.getStatus().getConditions().stream()
        .filter(c -> c.getType().equals(type))
        .findFirst()
        .orElseThrow();
  }

  static String routedTo(String model) {
    Service s = cluster.client().services().inNamespace(ns).withName(model).get();
    return s == null ? null : s.getSpec().getSelector().get("modelops.io/version");
  }

  static Deployment deployment(String name) {
    return cluster.client().apps().deployments().inNamespace(ns).withName(name).get();
  }

  static List<Deployment> deployments(String model) {
    return cluster
        .client()
        .apps()
        .deployments()
        .inNamespace(ns)
        .withLabel("modelops.io/model", model)
        .list()
        .getItems();
  }
}
