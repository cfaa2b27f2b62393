package io.modelops.operator.custommodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.modelops.operator.api.v1alpha1.common.Condition;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.api.v1alpha1.resourcebundle.ResourceBundle;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.config.OperatorLimits;
import io.modelops.operator.testing.InProcessOperator;
import io.modelops.operator.testing.LocalClusterExtension;
import io.modelops.operator.testing.Manifests;
import io.modelops.operator.testing.RequestCounter;
import io.modelops.operator.testing.SimulatedImages;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Serving end to end on the local control plane, in a namespace that enforces the "restricted" Pod
 * Security Standard (so every pod the operator builds must be admitted there).
 */
@Tag("cluster")
class CustomModelServingTest {
  @RegisterExtension
  static LocalClusterExtension cluster = new LocalClusterExtension().withRestrictedPodSecurity();

  static RequestCounter counter;
  static InProcessOperator operator;
  static String ns;
  static String env;
  static String bundle;

  @BeforeAll
  static void startOperator() {
    ns = cluster.namespace();
    env = "python-" + ns;
    bundle = "small-" + ns;
    Config config = cluster.client().getConfiguration();
    counter = new RequestCounter(config);
    operator = InProcessOperator.start(counter.client(), ns);
    Manifests.applyClusterScoped(
        cluster.client(),
        ExecutionEnvironment.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: ExecutionEnvironment
        metadata: {name: %s}
        spec:
          programmingLanguage: python
          requiredMetadataKeys: [{fieldName: MODEL_FAMILY, displayName: Model family}]
          versions:
            - {label: "1.0", image: "python:3.11-slim"}
            - {label: "broken", image: "%s"}
        """
            .formatted(env, SimulatedImages.IMAGE_PULL_FAILURE));
    Manifests.applyClusterScoped(
        cluster.client(),
        ResourceBundle.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: ResourceBundle
        metadata: {name: %s}
        spec: {description: "1 CPU, 1 GiB", cpuCount: 1, memoryBytes: 1073741824,
               useCases: [customModel]}
        """
            .formatted(bundle));
    Manifests.apply(
        cluster.client(),
        ns,
        ConfigMap.class,
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: churn-code}
        data:
          start_server.sh: |
            #!/bin/sh
            exec python -m http.server "$PORT"
        """);
    Manifests.apply(
        cluster.client(),
        ns,
        Secret.class,
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: warehouse}
        stringData: {credential: '{"credentialType": "basic", "user": "u", "password": "p"}'}
        """);
  }

  @AfterAll
  static void stopOperator() {
    if (operator != null) {
      operator.close();
    }
    cluster.client().resources(ExecutionEnvironment.class).withName(env).delete();
    cluster.client().resources(ResourceBundle.class).withName(bundle).delete();
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
          targetType: Binary
          targetName: churned
          positiveClassLabel: "yes"
          negativeClassLabel: "no"
        %s
        """
            .formatted(name, extraSpec.indent(2)));
  }

  static CustomModelVersion version(String name, String model, String envVersion) {
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
          environment: {name: %s, version: "%s"}
          code: {configMap: {name: churn-code}}
          requiredMetadataValues: [{fieldName: MODEL_FAMILY, value: gbm}]
          runtimeParameterDefinitions:
            - {fieldName: THRESHOLD_BOOST, type: numeric, defaultValue: 0, minValue: -1, maxValue: 1}
            - {fieldName: WAREHOUSE, type: credential, credentialType: basic}
          runtimeParameterValues:
            - {fieldName: THRESHOLD_BOOST, type: numeric, value: 0.1}
            - {fieldName: WAREHOUSE, type: credential, value: {secretRef: {name: warehouse}}}
        """
            .formatted(name, model, env, envVersion));
  }

  static CustomModel get(String name) {
    return cluster.client().resources(CustomModel.class).inNamespace(ns).withName(name).get();
  }

  static Condition condition(CustomModel model, String type) {
    return model.getStatus().getConditions().stream()
        .filter(c -> c.getType().equals(type))
        .findFirst()
        .orElseThrow();
  }

  static void awaitReady(String name) {
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              CustomModel m = get(name);
              assertThat(m.getStatus()).isNotNull();
              assertThat(m.getStatus().getObservedGeneration())
                  .isEqualTo(m.getMetadata().getGeneration());
              assertThat(condition(m, "Ready").getStatus()).isEqualTo(ConditionStatus.TRUE);
              assertThat(m.getStatus().getPhase().name()).isEqualTo("ACTIVE");
            });
  }

  @Test
  void servesAVersionAndReportsReadyOnlyWhenItsPodsAreAvailable() {
    model("churn", "replicas: 2\nnetworkEgressPolicy: NONE");
    version("churn-v1", "churn", "1.0");
    awaitReady("churn");

    CustomModel m = get("churn");
    assertThat(m.getStatus().getActiveVersion()).isEqualTo("churn-v1");
    assertThat(m.getStatus().getReadyReplicas()).isEqualTo(2);
    assertThat(m.getStatus().getEndpoint())
        .isEqualTo("http://churn." + ns + ".svc.cluster.local:8080/churn/");
    Deployment d = cluster.client().apps().deployments().inNamespace(ns).withName("churn-v1").get();
    assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(2);
    assertThat(d.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getController()).isTrue());
    assertThat(d.getMetadata().getLabels())
        .containsEntry("modelops.io/model", "churn")
        .containsEntry("modelops.io/version", "churn-v1")
        .containsEntry("app.kubernetes.io/managed-by", "modelops-operator");
    Service svc = cluster.client().services().inNamespace(ns).withName("churn").get();
    assertThat(svc.getSpec().getSelector()).containsEntry("modelops.io/version", "churn-v1");
    NetworkPolicy np =
        cluster.client().network().networkPolicies().inNamespace(ns).withName("churn-model").get();
    assertThat(np.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");

    CustomModelVersion v =
        cluster
            .client()
            .resources(CustomModelVersion.class)
            .inNamespace(ns)
            .withName("churn-v1")
            .get();
    assertThat(v.getStatus().getVersion()).isEqualTo("1.0");
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        cluster
                            .client()
                            .resources(CustomModelVersion.class)
                            .inNamespace(ns)
                            .withName("churn-v1")
                            .get()
                            .getStatus()
                            .getFrozen())
                    .isTrue());
    assertThat(v.getStatus().getRuntimeParameters())
        .filteredOn(p -> p.getFieldName().equals("WAREHOUSE"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getCurrentValue().at("/secretRef/name").asText()).isEqualTo("warehouse");
              assertThat(p.getCurrentValue().at("/secretRef/key").asText()).isEqualTo("credential");
            });
  }

  @Test
  void switchesVersionsBlueGreenWithoutDroppingCapacity() throws Exception {
    model("fraud", "replicas: 1");
    version("fraud-a", "fraud", "1.0");
    awaitReady("fraud");

    List<String> timeline = new CopyOnWriteArrayList<>();
    KubernetesClient c = cluster.client();
    try (Watch deployments =
            c.apps()
                .deployments()
                .inNamespace(ns)
                .withLabel("modelops.io/model", "fraud")
                .watch(
                    recorder(
                        timeline,
                        d ->
                            d.getMetadata().getName()
                                + " available="
                                + ServingPlanner.isAvailable(d)));
        Watch services =
            c.services()
                .inNamespace(ns)
                .withName("fraud")
                .watch(
                    recorder(
                        timeline,
                        s -> "service->" + s.getSpec().getSelector().get("modelops.io/version")))) {
      version("fraud-b", "fraud", "1.0");
      Manifests.mergePatch(
          c, CustomModel.class, ns, "fraud", "{\"spec\":{\"activeVersion\":\"fraud-b\"}}");
      await()
          .ignoreExceptions()
          .atMost(Duration.ofSeconds(90))
          .untilAsserted(
              () -> {
                assertThat(get("fraud").getStatus().getActiveVersion()).isEqualTo("fraud-b");
                assertThat(c.apps().deployments().inNamespace(ns).withName("fraud-a").get())
                    .isNull();
              });
      awaitReady("fraud");
    }
    int newAvailable = indexOf(timeline, "ADDED-or-MODIFIED fraud-b available=true");
    int switched = indexOf(timeline, "MODIFIED service->fraud-b");
    int oldDeleted = indexOf(timeline, "DELETED fraud-a");
    assertThat(newAvailable).as(String.join("\n", timeline)).isNotNegative();
    assertThat(switched).as(String.join("\n", timeline)).isGreaterThan(newAvailable);
    assertThat(oldDeleted).as(String.join("\n", timeline)).isGreaterThan(switched);
  }

  @Test
  void aVersionThatNeverBecomesReadyLeavesTheOldOneServingAndTheModelDegraded() {
    model("stuck", "replicas: 1");
    version("stuck-good", "stuck", "1.0");
    awaitReady("stuck");
    version("stuck-bad", "stuck", "broken");
    Manifests.mergePatch(
        cluster.client(),
        CustomModel.class,
        ns,
        "stuck",
        "{\"spec\":{\"activeVersion\":\"stuck-bad\"}}");

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              CustomModel m = get("stuck");
              assertThat(m.getStatus().getPhase().name()).isEqualTo("REPLACING_MODEL");
              assertThat(condition(m, "Degraded").getStatus()).isEqualTo(ConditionStatus.TRUE);
              assertThat(condition(m, "Degraded").getReason()).isEqualTo("ImagePullBackOff");
              assertThat(condition(m, "Ready").getStatus()).isEqualTo(ConditionStatus.TRUE);
              assertThat(m.getStatus().getActiveVersion()).isEqualTo("stuck-good");
            });
    assertThat(
            cluster
                .client()
                .services()
                .inNamespace(ns)
                .withName("stuck")
                .get()
                .getSpec()
                .getSelector())
        .containsEntry("modelops.io/version", "stuck-good");
    assertThat(cluster.client().apps().deployments().inNamespace(ns).withName("stuck-good").get())
        .isNotNull();
  }

  @Test
  void highAvailabilityAddsDisruptionBudgetAndHostSpreadOnABundle() {
    model("ha", "replicas: 2\nrequiresHa: true\nresourceBundleRef: {name: %s}".formatted(bundle));
    version("ha-v1", "ha", "1.0");
    awaitReady("ha");
    PodDisruptionBudget pdb =
        cluster.client().policy().v1().podDisruptionBudget().inNamespace(ns).withName("ha").get();
    assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    assertThat(pdb.getSpec().getUnhealthyPodEvictionPolicy()).isEqualTo("AlwaysAllow");
    Deployment d = cluster.client().apps().deployments().inNamespace(ns).withName("ha-v1").get();
    assertThat(d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
        .filteredOn(c -> c.getWhenUnsatisfiable().equals("DoNotSchedule"))
        .singleElement()
        .satisfies(t -> assertThat(t.getTopologyKey()).isEqualTo("kubernetes.io/hostname"));
    var resources = d.getSpec().getTemplate().getSpec().getContainers().get(0).getResources();
    // The bundle's cpu and memory: requests = limits (local disk is the platform's default).
    assertThat(resources.getRequests().get("cpu")).isEqualTo(resources.getLimits().get("cpu"));
    assertThat(resources.getRequests().get("memory"))
        .isEqualTo(resources.getLimits().get("memory"));
    assertThat(resources.getLimits().get("cpu").toString()).isEqualTo("1");
    assertThat(resources.getLimits()).containsKey("ephemeral-storage");
  }

  @Test
  void egressPolicyFollowsTheSpecField() {
    model("open", "networkEgressPolicy: PUBLIC");
    version("open-v1", "open", "1.0");
    awaitReady("open");
    NetworkPolicy open =
        cluster.client().network().networkPolicies().inNamespace(ns).withName("open-model").get();
    // PUBLIC: any address but link-local/metadata (and the cluster ranges the platform names).
    assertThat(open.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    assertThat(open.getSpec().getEgress().get(1).getTo().get(0).getIpBlock().getExcept())
        .contains("169.254.0.0/16");
    Manifests.mergePatch(
        cluster.client(),
        CustomModel.class,
        ns,
        "open",
        "{\"spec\":{\"networkEgressPolicy\":\"DR_API_ACCESS\"}}");
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        cluster
                            .client()
                            .network()
                            .networkPolicies()
                            .inNamespace(ns)
                            .withName("open-model")
                            .get()
                            .getSpec()
                            .getPolicyTypes())
                    .containsExactly("Ingress", "Egress"));
  }

  @Test
  void refusesAMissingActiveVersionWithAConditionAndAWarningEvent() {
    model("ghost", "activeVersion: does-not-exist");
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              CustomModel m = get("ghost");
              assertThat(condition(m, "Ready").getStatus()).isEqualTo(ConditionStatus.FALSE);
              assertThat(condition(m, "Ready").getReason()).isEqualTo("VersionNotFound");
              assertThat(condition(m, "Ready").getMessage())
                  .isEqualTo(
                      "spec.activeVersion:"
                          + " CustomModelVersion \"does-not-exist\" of this model does not exist in namespace "
                          + ns);
              assertThat(cluster.client().events().v1().events().inNamespace(ns).list().getItems())
                  .anySatisfy(
                      e -> {
                        assertThat(e.getRegarding().getName()).isEqualTo("ghost");
                        assertThat(e.getType()).isEqualTo("Warning");
                        assertThat(e.getReason()).isEqualTo("VersionNotFound");
                      });
            });
    assertThat(
            cluster
                .client()
                .apps()
                .deployments()
                .inNamespace(ns)
                .withLabel("modelops.io/model", "ghost")
                .list()
                .getItems())
        .isEmpty();
  }

  @Test
  void aResyncOfAnUnchangedReadyModelWritesNothing() {
    model("quiet", "replicas: 1");
    // Its own ConfigMap and Secret, so that reads of them can only be this model's.
    Manifests.apply(
        cluster.client(),
        ns,
        ConfigMap.class,
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: quiet-code}
        data: {start_server.sh: "exec python -m http.server 8080"}
        """);
    Manifests.apply(
        cluster.client(),
        ns,
        Secret.class,
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: quiet-creds}
        stringData: {credential: '{"credentialType": "basic", "user": "u", "password": "p"}'}
        """);
    Manifests.apply(
        cluster.client(),
        ns,
        CustomModelVersion.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModelVersion
        metadata: {name: quiet-v1}
        spec:
          customModelRef: {name: quiet}
          environment: {name: %s, version: "1.0"}
          code: {configMap: {name: quiet-code}}
          requiredMetadataValues: [{fieldName: MODEL_FAMILY, value: gbm}]
          runtimeParameterDefinitions:
            - {fieldName: WAREHOUSE, type: credential, credentialType: basic}
          runtimeParameterValues:
            - {fieldName: WAREHOUSE, type: credential, value: {secretRef: {name: quiet-creds}}}
        """
            .formatted(env));
    awaitReady("quiet");
    // Once the model has settled, a restarted operator reconciles every model it finds: for an
    // unchanged, Ready model that reconcile must not write anything (no dependent update, no
    // status patch, no event).
    String[] seen = {get("quiet").getMetadata().getResourceVersion()};
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              String now = get("quiet").getMetadata().getResourceVersion();
              boolean same = now.equals(seen[0]);
              seen[0] = now;
              return same;
            });
    operator.close();
    counter.reset();
    operator = InProcessOperator.start(counter.client(), ns);
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                operator.reconciliations("CustomModel", ns, "quiet") >= 1
                    && operator.reconciliations("CustomModelVersion", ns, "quiet-v1") >= 1);
    await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
    assertThat(counter.writes())
        .as("writes while resyncing unchanged models")
        .noneMatch(w -> w.contains("/quiet"));
    // Its version was validated at this generation: the Secrets and ConfigMaps it references
    // are not read again (neither by the version's nor by the model's reconcile).
    assertThat(counter.reads())
        .as("reads while resyncing unchanged models")
        .isNotEmpty()
        .noneMatch(r -> r.endsWith("/secrets/quiet-creds") || r.endsWith("/configmaps/quiet-code"));
  }

  @Test
  void aVersionOfAModelThatDoesNotExistIsRefusedNamingTheField() {
    version("stray-v1", "no-such-model", "1.0");
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              CustomModelVersion v =
                  cluster
                      .client()
                      .resources(CustomModelVersion.class)
                      .inNamespace(ns)
                      .withName("stray-v1")
                      .get();
              Condition validated =
                  v.getStatus().getConditions().stream()
                      .filter(c -> c.getType().equals("Validated"))
                      .findFirst()
                      .orElseThrow();
              assertThat(validated.getStatus()).isEqualTo(ConditionStatus.FALSE);
              assertThat(validated.getReason()).isEqualTo("ModelNotFound");
              assertThat(validated.getMessage())
                  .isEqualTo(
                      "spec.customModelRef.name: CustomModel"
                          + " \"no-such-model\" does not exist in namespace "
                          + ns);
              assertThat(cluster.client().events().v1().events().inNamespace(ns).list().getItems())
                  .anySatisfy(
                      e -> {
                        assertThat(e.getRegarding().getName()).isEqualTo("stray-v1");
                        assertThat(e.getType()).isEqualTo("Warning");
                        assertThat(e.getReason()).isEqualTo("ModelNotFound");
                      });
            });
  }

  @Test
  void aServedVersionThatIsDeletedKeepsServingAndTheModelIsDegraded() {
    model("orphan", "replicas: 1");
    version("orphan-v1", "orphan", "1.0");
    awaitReady("orphan");
    cluster
        .client()
        .resources(CustomModelVersion.class)
        .inNamespace(ns)
        .withName("orphan-v1")
        .delete();

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              CustomModel m = get("orphan");
              assertThat(condition(m, "Degraded").getStatus()).isEqualTo(ConditionStatus.TRUE);
              assertThat(condition(m, "Degraded").getReason()).isEqualTo("NoValidVersion");
              assertThat(condition(m, "Ready").getStatus()).isEqualTo(ConditionStatus.TRUE);
              assertThat(condition(m, "Ready").getMessage())
                  .startsWith("version orphan-v1 keeps serving");
            });
    Deployment d =
        cluster.client().apps().deployments().inNamespace(ns).withName("orphan-v1").get();
    assertThat(d).isNotNull();
    assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(1);
  }

  @Test
  void servingDisabledScalesToNothingAndReportsInactive() {
    model("paused", "replicas: 2\nserving: {enabled: false}");
    version("paused-v1", "paused", "1.0");
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              CustomModel m = get("paused");
              assertThat(m.getStatus().getPhase().name()).isEqualTo("INACTIVE");
              assertThat(condition(m, "Ready").getReason()).isEqualTo("ServingDisabled");
              Deployment d =
                  cluster.client().apps().deployments().inNamespace(ns).withName("paused-v1").get();
              assertThat(d.getSpec().getReplicas()).isZero();
            });
  }

  @Test
  void refusesReplicasAboveTheOperatorLimitAndABundleForAnotherUseCase() {
    Manifests.applyClusterScoped(
        cluster.client(),
        ResourceBundle.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: ResourceBundle
        metadata: {name: jobs-%s}
        spec: {cpuCount: 4, memoryBytes: 4294967296, useCases: [customJob]}
        """
            .formatted(ns));
    try {
      model("greedy", "replicas: 8\nresourceBundleRef: {name: jobs-%s}".formatted(ns));
      version("greedy-v1", "greedy", "1.0");
      await()
          .ignoreExceptions()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                CustomModel m = get("greedy");
                assertThat(m.getStatus().getPhase().name()).isEqualTo("ERRORED");
                assertThat(condition(m, "Ready").getReason()).isEqualTo("BundleNotAllowed");
                assertThat(condition(m, "Ready").getMessage())
                    .isEqualTo(
                        "spec.resourceBundleRef.name: ResourceBundle \"jobs-"
                            + ns
                            + "\" is not for"
                            + " customModel (its useCases: customJob)");
              });
      // The operator limit (4 here) is below what the schema allows (8). Stop the operator with
      // the default limit first: it must not see (and serve) the model without its bundle.
      operator.close();
      Manifests.mergePatch(
          cluster.client(),
          CustomModel.class,
          ns,
          "greedy",
          "{\"spec\":{\"resourceBundleRef\":null}}");
      operator =
          InProcessOperator.start(
              counter.client(),
              config ->
                  new OperatorConfig(
                      new OperatorLimits(
                          4,
                          OperatorLimits.MAX_CONTAINER_SIZE,
                          OperatorLimits.MIN_CONTAINER_SIZE,
                          20,
                          5,
                          86_400),
                      null,
                      null,
                      null,
                      null,
                      false,
                      null,
                      null,
                      0),
              ns);
      await()
          .ignoreExceptions()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                CustomModel m = get("greedy");
                assertThat(condition(m, "Ready").getReason()).isEqualTo("LimitExceeded");
                assertThat(condition(m, "Ready").getMessage())
                    .isEqualTo(
                        "spec.replicas 8 exceeds the"
                            + " operator limit maxCustomModelReplicasPerDeployment=4");
              });
      assertThat(
              cluster
                  .client()
                  .apps()
                  .deployments()
                  .inNamespace(ns)
                  .withLabel("modelops.io/model", "greedy")
                  .list()
                  .getItems())
          .isEmpty();
    } finally {
      operator.close();
      operator = InProcessOperator.start(counter.client(), ns);
      cluster.client().resources(ResourceBundle.class).withName("jobs-" + ns).delete();
    }
  }

  private static int indexOf(List<String> timeline, String entry) {
    for (int i = 0; i < timeline.size(); i++) {
      String e = timeline.get(i);
      if (e.equals(entry)
          || (entry.startsWith("DELETED ") && e.startsWith(entry + " "))
          || (entry.startsWith("ADDED-or-MODIFIED ")
              && (e.equals("ADDED " + entry.substring(18))
                  || e.equals("MODIFIED " + entry.substring(18))))) {
        return i;
      }
    }
    return -1;
  }

  private static <T> Watcher<T> recorder(
      List<String> timeline, java.util.function.Function<T, String> describe) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, T resource) {
        timeline.add(action + " " + describe.apply(resource));
      }

      @Override
      public void onClose(WatcherException cause) {}
    };
  }
}
