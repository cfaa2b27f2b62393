package io.modelops.operator.resourcebundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.modelops.operator.api.v1alpha1.common.Condition;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModelPhase;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.api.v1alpha1.resourcebundle.ResourceBundle;
import io.modelops.operator.testing.InProcessOperator;
import io.modelops.operator.testing.LocalClusterExtension;
import io.modelops.operator.testing.Manifests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Placement end to end on the local control plane, whose dev cluster has two ordinary kwok nodes
 * and a labelled, tainted GPU node ({@code dev/scripts/cluster-up.sh}), in a namespace enforcing
 * Pod Security "restricted": every pod below was admitted there.
 */
@Tag("cluster")
class PlacementClusterTest {
  static final String GPU_LABEL = "nvidia.com/gpu.present";

  @RegisterExtension
  static LocalClusterExtension cluster = new LocalClusterExtension().withRestrictedPodSecurity();

  static InProcessOperator operator;
  static String ns;
  static String env;
  static String gpu;
  static String oneper;

  @BeforeAll
  static void start() {
    ns = cluster.namespace();
    env = "env-" + ns;
    gpu = "gpu-" + ns;
    oneper = "oneper-" + ns;
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
          versions:
            - {label: "1.0", image: "python:3.11-slim"}
            - {label: "private", image: "registry.example/team/python:3.11", imagePullSecrets: [regcred]}
        """
            .formatted(env));
    Manifests.applyClusterScoped(
        cluster.client(),
        ResourceBundle.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: ResourceBundle
        metadata: {name: %s}
        spec:
          cpuCount: 1
          memoryBytes: 1073741824
          gpuCount: 1
          gpuMaker: nvidia
          useCases: [customModel, customJob]
          placement:
            nodeSelector: {nvidia.com/gpu.present: "true"}
            tolerations:
              - {key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}
        """
            .formatted(gpu));
    Manifests.applyClusterScoped(
        cluster.client(),
        ResourceBundle.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: ResourceBundle
        metadata: {name: %s}
        spec:
          cpuCount: 1
          memoryBytes: 1073741824
          useCases: [customModel]
          placement: {requiredHostAntiAffinity: true}
        """
            .formatted(oneper));
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
          run.sh: "#!/bin/sh\\necho done\\n"
        """);
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
    cluster.client().resources(ExecutionEnvironment.class).withName(env).delete();
    cluster.client().resources(ResourceBundle.class).withName(gpu).delete();
    cluster.client().resources(ResourceBundle.class).withName(oneper).delete();
  }

  @Test
  void aGpuBundlePlacesModelAndRunPodsOnlyOnTheLabelledTaintedNodes() {
    model("gpu", "replicas: 2\nresourceBundleRef: {name: %s}".formatted(gpu));
    version("gpu-v1", "gpu", "1.0");
    awaitCondition("gpu", "Ready", ConditionStatus.TRUE);
    Set<String> gpuNodes = nodesLabelled(GPU_LABEL);
    assertThat(gpuNodes).isNotEmpty();
    List<Pod> pods = podsOf("modelops.io/model", "gpu");
    assertThat(pods).hasSize(2);
    assertThat(pods).allSatisfy(p -> assertThat(gpuNodes).contains(p.getSpec().getNodeName()));
    assertThat(pods.get(0).getSpec().getContainers().get(0).getResources().getLimits())
        .containsKey("nvidia.com/gpu");

    Manifests.apply(
        cluster.client(),
        ns,
        CustomJob.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJob
        metadata: {name: train}
        spec:
          environment: {name: %s, version: "1.0"}
          code: {configMap: {name: code}}
          resources: {resourceBundleRef: {name: %s}}
        """
            .formatted(env, gpu));
    Manifests.apply(
        cluster.client(),
        ns,
        CustomJobRun.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJobRun
        metadata: {name: train-1}
        spec: {customJobRef: {name: train}}
        """);
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              List<Pod> runPods =
                  cluster.client().pods().inNamespace(ns).list().getItems().stream()
                      .filter(p -> p.getMetadata().getName().startsWith("train-1"))
                      .toList();
              assertThat(runPods).isNotEmpty();
              assertThat(runPods)
                  .allSatisfy(p -> assertThat(gpuNodes).contains(p.getSpec().getNodeName()));
            });
  }

  @Test
  void aMissingImagePullSecretIsRefusedByFieldAndAPresentOneIsOnThePod() {
    model("private", "");
    version("private-v1", "private", "private");
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              CustomModelVersion v =
                  cluster
                      .client()
                      .resources(CustomModelVersion.class)
                      .inNamespace(ns)
                      .withName("private-v1")
                      .get();
              Condition validated = condition(v.getStatus().getConditions(), "Validated");
              assertThat(validated.getStatus()).isEqualTo(ConditionStatus.FALSE);
              assertThat(validated.getReason()).isEqualTo("SecretNotFound");
              assertThat(validated.getMessage())
                  .contains(
                      "ExecutionEnvironment \""
                          + env
                          + "\" spec.versions[1].imagePullSecrets[0]: image pull Secret"
                          + " \"regcred\" does not exist in namespace "
                          + ns);
              assertThat(warnings("private-v1", "SecretNotFound"))
                  .singleElement()
                  .satisfies(e -> assertThat(e.getNote()).contains("imagePullSecrets[0]"));
            });
    assertThat(cluster.client().apps().deployments().inNamespace(ns).withName("private-v1").get())
        .isNull();

    Manifests.apply(
        cluster.client(),
        ns,
        Secret.class,
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: regcred}
        type: kubernetes.io/dockerconfigjson
        stringData: {.dockerconfigjson: '{"auths": {}}'}
        """);
    awaitCondition("private", "Ready", ConditionStatus.TRUE);
    Pod pod = podsOf("modelops.io/model", "private").get(0);
    assertThat(pod.getSpec().getImagePullSecrets())
        .extracting(LocalObjectReference::getName)
        .containsExactly("regcred");
    // Referenced by name: the operator made no copy of the Secret.
    assertThat(cluster.client().secrets().inNamespace(ns).list().getItems())
        .extracting(s -> s.getMetadata().getName())
        .containsExactly("regcred");
  }

  @Test
  void anHaModelWithMoreReplicasThanNodesSchedulesAllSpreadTwoAndOne() {
    model("spread", "replicas: 3\nrequiresHa: true");
    version("spread-v1", "spread", "1.0");
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              CustomModel m = getModel("spread");
              assertThat(condition(m.getStatus().getConditions(), "Ready").getStatus())
                  .isEqualTo(ConditionStatus.TRUE);
              assertThat(condition(m.getStatus().getConditions(), "Degraded").getStatus())
                  .isEqualTo(ConditionStatus.FALSE);
              assertThat(m.getStatus().getReadyReplicas()).isEqualTo(3);
            });
    Map<String, Long> perNode =
        podsOf("modelops.io/model", "spread").stream()
            .collect(Collectors.groupingBy(p -> p.getSpec().getNodeName(), Collectors.counting()));
    assertThat(perNode.values()).containsExactlyInAnyOrder(2L, 1L);
    assertThat(perNode.keySet()).doesNotContainAnyElementsOf(nodesLabelled(GPU_LABEL));
  }

  @Test
  void withHardAntiAffinityTwoOfThreeServeDegradedThenScalingToTwoHeals() {
    model(
        "oneper", "replicas: 3\nrequiresHa: true\nresourceBundleRef: {name: %s}".formatted(oneper));
    version("oneper-v1", "oneper", "1.0");
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(120))
        .untilAsserted(
            () -> {
              CustomModel m = getModel("oneper");
              assertThat(m.getStatus().getPhase()).isEqualTo(CustomModelPhase.ACTIVE);
              assertThat(condition(m.getStatus().getConditions(), "Ready").getStatus())
                  .isEqualTo(ConditionStatus.TRUE);
              Condition degraded = condition(m.getStatus().getConditions(), "Degraded");
              assertThat(degraded.getStatus()).isEqualTo(ConditionStatus.TRUE);
              assertThat(degraded.getReason()).isEqualTo("Unschedulable");
              assertThat(degraded.getMessage())
                  .startsWith("2 of 3 replicas available: pod oneper-v1-")
                  .contains("cannot be scheduled");
              // One event per change of the cause: the first while nothing served yet.
              assertThat(warnings("oneper", "Unschedulable"))
                  .filteredOn(e -> e.getNote().startsWith("2 of 3 replicas available: "))
                  .hasSize(1);
            });

    Manifests.mergePatch(
        cluster.client(), CustomModel.class, ns, "oneper", "{\"spec\":{\"replicas\":2}}");
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              CustomModel m = getModel("oneper");
              assertThat(m.getStatus().getObservedGeneration())
                  .isEqualTo(m.getMetadata().getGeneration());
              assertThat(condition(m.getStatus().getConditions(), "Ready").getStatus())
                  .isEqualTo(ConditionStatus.TRUE);
              Condition degraded = condition(m.getStatus().getConditions(), "Degraded");
              assertThat(degraded.getStatus()).isEqualTo(ConditionStatus.FALSE);
              assertThat(degraded.getMessage()).doesNotContain("Unschedulable", "scheduled");
              assertThat(m.getStatus().getPhase()).isEqualTo(CustomModelPhase.ACTIVE);
            });
  }

  static void model(String name, String extraSpec) {
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
        %s
        """
            .formatted(name, extraSpec.indent(2)));
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

  static CustomModel getModel(String name) {
    return cluster.client().resources(CustomModel.class).inNamespace(ns).withName(name).get();
  }

  static void awaitCondition(String model, String type, ConditionStatus status) {
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () ->
                assertThat(condition(getModel(model).getStatus().getConditions(), type).getStatus())
                    .isEqualTo(status));
  }

  static Condition condition(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow();
  }

  static List<Pod> podsOf(String label, String value) {
    return cluster.client().pods().inNamespace(ns).withLabel(label, value).list().getItems();
  }

  static Set<String> nodesLabelled(String label) {
    return cluster.client().nodes().withLabel(label).list().getItems().stream()
        .map(Node::getMetadata)
        .map(m -> m.getName())
        .collect(Collectors.toSet());
  }

  static List<Event> warnings(String name, String reason) {
    return cluster.client().events().v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> "Warning".equals(e.getType()))
        .filter(e -> reason.equals(e.getReason()))
        .filter(e -> e.getRegarding() != null && name.equals(e.getRegarding().getName()))
        .toList();
  }
}
