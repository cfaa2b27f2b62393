package io.modelops.operator.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.naming.ModelLabels;
import io.modelops.operator.naming.ModelNames;
import io.modelops.operator.naming.RunNames;
import io.modelops.operator.testing.InProcessOperator;
import io.modelops.operator.testing.LocalClusterExtension;
import io.modelops.operator.testing.Manifests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fail closed, proved by the order of events on the real control plane: every pod of a model, a run
 * or a model test is selected by the NetworkPolicy that belongs to its workload (controlled by the
 * same CustomModel or CustomJob) before the pod exists. Watches of NetworkPolicies and Pods start
 * before the model or run is created; for each pod added, a policy of its own must have been added
 * at an earlier resourceVersion (one etcd: resourceVersions are the order of writes across kinds).
 */
@Tag("cluster")
class NetworkPolicyBeforePodsTest {
  @RegisterExtension
  static LocalClusterExtension cluster = new LocalClusterExtension().withRestrictedPodSecurity();

  static InProcessOperator operator;
  static String ns;
  static String env;

  /** What the watches saw, in arrival order. */
  record Seen(String kind, String name, long resourceVersion, HasMetadata object) {}

  private final List<Seen> seen = new ArrayList<>();
  private final List<String> deletedPolicies = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<Watch> watches = new ArrayList<>();
  private final Map<String, String> owners = new java.util.concurrent.ConcurrentHashMap<>();

  /** Pods of earlier tests, which a new watch reports as added too. */
  private final Set<String> earlierPods = new HashSet<>();

  @BeforeAll
  static void start() {
    ns = cluster.namespace();
    env = "np-" + ns;
    operator = InProcessOperator.start(cluster.client(), ns);
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
        data: {start_server.sh: "exec python -m http.server $PORT", run.sh: "echo done"}
        """);
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
    cluster.client().resources(ExecutionEnvironment.class).withName(env).delete();
  }

  @BeforeEach
  void watchPoliciesAndPods() {
    cluster.client().pods().inNamespace(ns).list().getItems().stream()
        .map(p -> p.getMetadata().getUid())
        .forEach(earlierPods::add);
    watches.add(
        cluster
            .client()
            .network()
            .networkPolicies()
            .inNamespace(ns)
            .watch(recorder("NetworkPolicy")));
    watches.add(cluster.client().pods().inNamespace(ns).watch(recorder("Pod")));
  }

  @AfterEach
  void stopWatching() {
    watches.forEach(Watch::close);
  }

  @Test
  void aModelsPodsAreSelectedByItsNetworkPolicyBeforeTheyExist() {
    CustomModel model =
        Manifests.apply(
            cluster.client(),
            ns,
            CustomModel.class,
            """
            apiVersion: modelops.io/v1alpha1
            kind: CustomModel
            metadata: {name: churn}
            spec:
              targetType: Binary
              targetName: churned
              positiveClassLabel: "yes"
              negativeClassLabel: "no"
              replicas: 2
              networkEgressPolicy: NONE
            """);
    version("churn-v1", "churn");
    assertEveryPodWasSelectedFirst(model.getMetadata().getUid(), 2);
  }

  @Test
  void aNewVersionsPodsAreSelectedByTheModelsPolicyThroughoutABlueGreenRollout() {
    CustomModel model =
        Manifests.apply(
            cluster.client(),
            ns,
            CustomModel.class,
            """
            apiVersion: modelops.io/v1alpha1
            kind: CustomModel
            metadata: {name: roll}
            spec:
              targetType: Regression
              targetName: y
              replicas: 1
              networkEgressPolicy: NONE
              activeVersion: roll-v1
            """);
    version("roll-v1", "roll");
    version("roll-v2", "roll");
    assertEveryPodWasSelectedFirst(model.getMetadata().getUid(), 1);
    // Switch to v2: its pods start while v1 serves; the model's policy must already select them
    // and must never go away during the switch.
    Manifests.mergePatch(
        cluster.client(),
        CustomModel.class,
        ns,
        "roll",
        "{\"spec\":{\"activeVersion\":\"roll-v2\"}}");
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                podsOf(model.getMetadata().getUid()).stream()
                    .anyMatch(
                        s ->
                            "roll-v2"
                                .equals(
                                    s.object()
                                        .getMetadata()
                                        .getLabels()
                                        .get(ModelLabels.VERSION))));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertEveryPodSoFarWasSelectedFirst(model.getMetadata().getUid()));
    assertThat(deletedPolicies)
        .as("NetworkPolicies deleted during the switch")
        .doesNotContain(ModelNames.networkPolicy("roll"));
  }

  @Test
  void aRunsPodsAreSelectedByItsJobsNetworkPolicyBeforeTheyExist() {
    CustomJob job =
        Manifests.apply(
            cluster.client(),
            ns,
            CustomJob.class,
            """
            apiVersion: modelops.io/v1alpha1
            kind: CustomJob
            metadata: {name: retrain}
            spec:
              jobType: retraining
              environment: {name: %s, version: "1.0"}
              code: {configMap: {name: code}}
            """
                .formatted(env));
    Manifests.apply(
        cluster.client(),
        ns,
        CustomJobRun.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJobRun
        metadata: {name: retrain-1}
        spec: {customJobRef: {name: retrain}}
        """);
    assertEveryPodWasSelectedFirst(job.getMetadata().getUid(), 1);
  }

  @Test
  void aModelTestsPodIsSelectedByItsOwnNetworkPolicyBeforeItExists() {
    Manifests.apply(
        cluster.client(),
        ns,
        CustomModel.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModel
        metadata: {name: tested}
        spec:
          targetType: Unstructured
          networkEgressPolicy: NONE
          serving: {enabled: false}
        """);
    version("tested-v1", "tested");
    CustomModelTest test =
        Manifests.apply(
            cluster.client(),
            ns,
            CustomModelTest.class,
            """
            apiVersion: modelops.io/v1alpha1
            kind: CustomModelTest
            metadata: {name: tested-v1-check}
            spec: {customModelVersionRef: {name: tested-v1}}
            """);
    assertEveryPodWasSelectedFirst(test.getMetadata().getUid(), 1);
  }

  /**
   * A job "churn" owns NetworkPolicy "churn-runs"; a model named "churn-runs" then wants the same
   * name. Its pods must not run without a policy of their own: none may appear while the model is
   * refused (or, if it serves, each is preceded by its own policy).
   */
  @Test
  void aModelWhosePolicyNameIsTakenRunsNoPodWithoutAPolicyOfItsOwn() {
    Manifests.apply(
        cluster.client(),
        ns,
        CustomJob.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJob
        metadata: {name: churn}
        spec:
          jobType: retraining
          environment: {name: %s, version: "1.0"}
          code: {configMap: {name: code}}
        """
            .formatted(env));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                cluster
                        .client()
                        .network()
                        .networkPolicies()
                        .inNamespace(ns)
                        .withName(RunNames.networkPolicy("churn"))
                        .get()
                    != null);
    CustomModel model =
        Manifests.apply(
            cluster.client(),
            ns,
            CustomModel.class,
            """
            apiVersion: modelops.io/v1alpha1
            kind: CustomModel
            metadata: {name: churn-runs}
            spec:
              targetType: Binary
              targetName: churned
              positiveClassLabel: "yes"
              negativeClassLabel: "no"
              networkEgressPolicy: NONE
            """);
    version("churn-runs-v1", "churn-runs");
    String uid = model.getMetadata().getUid();
    await()
        .during(Duration.ofSeconds(20))
        .atMost(Duration.ofSeconds(40))
        .untilAsserted(() -> assertEveryPodSoFarWasSelectedFirst(uid));
  }

  /** Applies version {@code name} of {@code model}: the namespace's code, the test environment. */
  private static void version(String name, String model) {
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
          environment: {name: %s, version: "1.0"}
          code: {configMap: {name: code}}
        """
            .formatted(name, model, env));
  }

  /**
   * Waits for {@code pods} pods whose chain of controllers leads to {@code ownerUid}'s workload,
   * then checks each was preceded by a policy controlled by {@code ownerUid} that selects it. Pods
   * of other workloads (an earlier test's rollout still settling) are not counted or checked.
   */
  private void assertEveryPodWasSelectedFirst(String ownerUid, int pods) {
    await().atMost(Duration.ofSeconds(90)).until(() -> podsOf(ownerUid).size() >= pods);
    assertThat(podsOf(ownerUid)).hasSizeGreaterThanOrEqualTo(pods);
    // Watches of two kinds are not delivered in order: the policy's event may arrive after the
    // pod's. The order is judged by resourceVersion, so waiting for the event changes nothing.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertEveryPodSoFarWasSelectedFirst(ownerUid));
  }

  private void assertEveryPodSoFarWasSelectedFirst(String ownerUid) {
    List<Seen> events = snapshot();
    for (Seen pod : podsOf(ownerUid)) {
      Map<String, String> labels =
          Optional.ofNullable(pod.object().getMetadata().getLabels()).orElse(Map.of());
      Optional<Seen> policy =
          events.stream()
              .filter(s -> s.kind().equals("NetworkPolicy"))
              .filter(s -> controlledBy(s.object(), ownerUid))
              .filter(s -> selects(((NetworkPolicy) s.object()).getSpec().getPodSelector(), labels))
              .findFirst();
      assertThat(policy)
          .as("a NetworkPolicy of its own selects pod %s (labels %s)", pod.name(), labels)
          .isPresent();
      assertThat(policy.get().resourceVersion())
          .as(
              "NetworkPolicy %s (resourceVersion) was created before pod %s",
              policy.get().name(), pod.name())
          .isLessThan(pod.resourceVersion());
    }
  }

  /** The pods seen so far whose workload belongs to {@code ownerUid}. */
  private List<Seen> podsOf(String ownerUid) {
    return snapshot().stream()
        .filter(s -> s.kind().equals("Pod"))
        .filter(s -> ownerUid.equals(workloadOwner(s.object())))
        .toList();
  }

  /**
   * The uid at the top of a pod's chain of controllers (pod → ReplicaSet → Deployment →
   * CustomModel; pod → Job → CustomModelTest; pod → Job → CustomJobRun, whose CustomJob is named by
   * its spec, as the operator adds no reference to a run a user wrote), or "" when a link is gone.
   */
  private String workloadOwner(HasMetadata pod) {
    return owners.computeIfAbsent(
        pod.getMetadata().getUid(),
        uid -> {
          HasMetadata object = pod;
          for (int depth = 0; depth < 5; depth++) {
            if (object instanceof GenericKubernetesResource run
                && run.getKind().equals("CustomJobRun")) {
              CustomJob job =
                  cluster
                      .client()
                      .resources(CustomJob.class)
                      .inNamespace(ns)
                      .withName(run.get("spec", "customJobRef", "name"))
                      .get();
              return job == null ? "" : job.getMetadata().getUid();
            }
            Optional<OwnerReference> controller =
                Optional.ofNullable(object.getMetadata().getOwnerReferences())
                    .orElse(List.of())
                    .stream()
                    .filter(r -> Boolean.TRUE.equals(r.getController()))
                    .findFirst();
            if (controller.isEmpty()) {
              return object.getMetadata().getUid();
            }
            OwnerReference ref = controller.get();
            object =
                cluster
                    .client()
                    .genericKubernetesResources(ref.getApiVersion(), ref.getKind())
                    .inNamespace(ns)
                    .withName(ref.getName())
                    .get();
            if (object == null || !ref.getUid().equals(object.getMetadata().getUid())) {
              return "";
            }
          }
          return "";
        });
  }

  private synchronized List<Seen> snapshot() {
    return List.copyOf(seen);
  }

  private <T extends HasMetadata> Watcher<T> recorder(String kind) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, T resource) {
        if (action == Action.DELETED && kind.equals("NetworkPolicy")) {
          deletedPolicies.add(resource.getMetadata().getName());
        }
        if (action == Action.ADDED && !earlierPods.contains(resource.getMetadata().getUid())) {
          synchronized (NetworkPolicyBeforePodsTest.this) {
            seen.add(
                new Seen(
                    kind,
                    resource.getMetadata().getName(),
                    Long.parseLong(resource.getMetadata().getResourceVersion()),
                    resource));
          }
        }
      }

      @Override
      public void onClose(WatcherException cause) {}
    };
  }

  private static boolean controlledBy(HasMetadata object, String ownerUid) {
    return Optional.ofNullable(object.getMetadata().getOwnerReferences()).orElse(List.of()).stream()
        .filter(r -> Boolean.TRUE.equals(r.getController()))
        .map(OwnerReference::getUid)
        .anyMatch(ownerUid::equals);
  }

  /** Whether {@code selector} selects a pod with {@code labels} (an empty selector selects all). */
  static boolean selects(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return true;
    }
    boolean byLabels =
        Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of()).entrySet().stream()
            .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    boolean byExpressions =
        Optional.ofNullable(selector.getMatchExpressions()).orElse(List.of()).stream()
            .allMatch(
                e ->
                    switch (e.getOperator()) {
                      case "In" -> e.getValues().contains(labels.get(e.getKey()));
                      case "NotIn" -> !e.getValues().contains(labels.get(e.getKey()));
                      case "Exists" -> labels.containsKey(e.getKey());
                      case "DoesNotExist" -> !labels.containsKey(e.getKey());
                      default -> false;
                    });
    return byLabels && byExpressions;
  }
}
