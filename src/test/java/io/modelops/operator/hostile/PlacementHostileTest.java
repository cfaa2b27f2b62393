package io.modelops.operator.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.modelops.operator.api.v1alpha1.common.Condition;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.testing.ExternalCommand;
import io.modelops.operator.testing.LocalCluster;
import io.modelops.operator.testing.LocalClusterExtension;
import io.modelops.operator.testing.Manifests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A tenant reaching for placement — its own node selector or tolerations to land on the GPU pool, a
 * pull Secret of another namespace — gets a refusal naming the field or nothing at all; placement
 * comes only from a ResourceBundle, which the platform writes. The other tenant's model keeps
 * serving throughout.
 */
@Tag("cluster")
class PlacementHostileTest {
  @RegisterExtension
  static LocalClusterExtension cluster = new LocalClusterExtension().withRestrictedPodSecurity();

  static Tenants tenants;
  static String ns;
  static String privateEnv;

  @BeforeAll
  static void start() {
    tenants = Tenants.start(cluster);
    ns = tenants.hostile;
    privateEnv = "private-" + ns;
    Manifests.applyClusterScoped(
        cluster.client(),
        ExecutionEnvironment.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: ExecutionEnvironment
        metadata: {name: %s}
        spec:
          versions:
            - {label: "1.0", image: "registry.example/team/python:3.11", imagePullSecrets: [regcred]}
        """
            .formatted(privateEnv));
  }

  @AfterAll
  static void stop() {
    if (tenants != null) {
      tenants.close();
    }
    cluster.client().resources(ExecutionEnvironment.class).withName(privateEnv).delete();
  }

  @Test
  void tolerationsAndNodeSelectorOnATenantsModelAreRefusedByKubectlAndNeverReachThePod() {
    String hostileSpec =
        """
        nodeSelector: {nvidia.com/gpu.present: "true"}
        tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
        """;
    String manifest =
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModel
        metadata: {name: gpu-grab}
        spec:
          targetType: Regression
          targetName: "y"
        %s
        """
            .formatted(hostileSpec.indent(2));
    var refused =
        ExternalCommand.kubectl(
                "--kubeconfig", LocalCluster.kubeconfig().toString(), "apply", "-n", ns, "-f", "-")
            .stdin(manifest)
            .run();
    assertThat(refused.succeeded()).isFalse();
    assertThat(refused.stderr())
        .contains("unknown field \"spec.nodeSelector\"")
        .contains("unknown field \"spec.tolerations\"");

    // A client that skips field validation gets the fields pruned: the pods never tolerate the
    // GPU pool's taint, so they stay on ordinary nodes.
    ExternalCommand.kubectl(
            "--kubeconfig",
            LocalCluster.kubeconfig().toString(),
            "apply",
            "--validate=false",
            "-n",
            ns,
            "-f",
            "-")
        .stdin(manifest)
        .run()
        .requireSuccess();
    tenants.version(ns, "gpu-grab-v1", "gpu-grab", "1.0");
    tenants.awaitReady(ns, "gpu-grab");
    var stored =
        cluster
            .client()
            .genericKubernetesResources("modelops.io/v1alpha1", "CustomModel")
            .inNamespace(ns)
            .withName("gpu-grab")
            .get();
    assertThat((Map<String, Object>) stored.getAdditionalProperties().get("spec"))
        .doesNotContainKeys("nodeSelector", "tolerations");
    Set<String> gpuNodes =
        cluster.client().nodes().withLabel("nvidia.com/gpu.present").list().getItems().stream()
            .map(n -> n.getMetadata().getName())
            .collect(Collectors.toSet());
    List<Pod> pods =
        cluster
            .client()
            .pods()
            .inNamespace(ns)
            .withLabel("modelops.io/model", "gpu-grab")
            .list()
            .getItems();
    assertThat(pods).isNotEmpty();
    assertThat(pods)
        .allSatisfy(
            p -> {
              assertThat(p.getSpec().getNodeSelector()).isNullOrEmpty();
              assertThat(p.getSpec().getTolerations())
                  .noneMatch(t -> "nvidia.com/gpu".equals(t.getKey()));
              assertThat(gpuNodes).doesNotContain(p.getSpec().getNodeName());
            });
    tenants.bystanderKeepsServing();
  }

  @Test
  void aPullSecretThatExistsOnlyInAnotherNamespaceIsNotFoundInTheTenantsOwn() {
    Manifests.apply(
        cluster.client(),
        tenants.bystander,
        Secret.class,
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: regcred}
        type: kubernetes.io/dockerconfigjson
        stringData: {.dockerconfigjson: '{"auths": {}}'}
        """);
    tenants.model(ns, "borrow", "");
    Manifests.apply(
        cluster.client(),
        ns,
        CustomModelVersion.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModelVersion
        metadata: {name: borrow-v1}
        spec:
          customModelRef: {name: borrow}
          environment: {name: %s}
          code: {configMap: {name: %s}}
        """
            .formatted(privateEnv, Tenants.CODE));

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
                      .withName("borrow-v1")
                      .get();
              Condition validated =
                  v.getStatus().getConditions().stream()
                      .filter(c -> c.getType().equals("Validated"))
                      .findFirst()
                      .orElseThrow();
              assertThat(validated.getStatus()).isEqualTo(ConditionStatus.FALSE);
              assertThat(validated.getReason()).isEqualTo("SecretNotFound");
              assertThat(validated.getMessage())
                  .contains("spec.versions[0].imagePullSecrets[0]")
                  .contains("does not exist in namespace " + ns);
              assertThat(tenants.warnings(ns, "borrow-v1", "SecretNotFound")).hasSize(1);
            });
    assertThat(cluster.client().apps().deployments().inNamespace(ns).withName("borrow-v1").get())
        .isNull();
    assertThat(cluster.client().secrets().inNamespace(ns).withName("regcred").get()).isNull();
    tenants.bystanderKeepsServing();
  }

  @Test
  void aPullSecretNamingAnotherNamespaceOrTooManySecretsIsRefusedAtApply() {
    var slash =
        ExternalCommand.kubectl(
                "--kubeconfig", LocalCluster.kubeconfig().toString(), "apply", "-f", "-")
            .stdin(
                """
                apiVersion: modelops.io/v1alpha1
                kind: ExecutionEnvironment
                metadata: {name: cross-%s}
                spec:
                  versions:
                    - {label: "1.0", image: "python:3.11-slim", imagePullSecrets: [%s/regcred]}
                """
                    .formatted(ns, tenants.bystander))
            .run();
    assertThat(slash.succeeded()).isFalse();
    assertThat(slash.stderr()).contains("spec.versions[0].imagePullSecrets[0]");

    String nine = IntStream.range(0, 5).mapToObj(i -> "s" + i).collect(Collectors.joining(", "));
    var many =
        ExternalCommand.kubectl(
                "--kubeconfig", LocalCluster.kubeconfig().toString(), "apply", "-f", "-")
            .stdin(
                """
                apiVersion: modelops.io/v1alpha1
                kind: ExecutionEnvironment
                metadata: {name: many-%s}
                spec:
                  versions:
                    - {label: "1.0", image: "python:3.11-slim", imagePullSecrets: [%s]}
                """
                    .formatted(ns, nine))
            .run();
    assertThat(many.succeeded()).isFalse();
    assertThat(many.stderr())
        .contains("spec.versions[0].imagePullSecrets")
        .contains("must have at most 4 items");
    tenants.bystanderKeepsServing();
  }

  @Test
  void aBundlePlacementPastItsBoundsIsRefusedAtApplyNamingTheField() {
    String tolerations =
        IntStream.range(0, 21)
            .mapToObj(i -> "{key: k" + i + ", operator: Exists}")
            .collect(Collectors.joining(", "));
    var refused =
        ExternalCommand.kubectl(
                "--kubeconfig", LocalCluster.kubeconfig().toString(), "apply", "-f", "-")
            .stdin(
                """
                apiVersion: modelops.io/v1alpha1
                kind: ResourceBundle
                metadata: {name: wide-%s}
                spec:
                  cpuCount: 1
                  memoryBytes: 1073741824
                  useCases: [customModel]
                  placement:
                    tolerations: [%s]
                    nodeSelector: {"bad key!": x}
                """
                    .formatted(ns, tolerations))
            .run();
    assertThat(refused.succeeded()).isFalse();
    assertThat(refused.stderr())
        .contains("spec.placement.tolerations")
        .contains("must have at most 20 items");
    tenants.bystanderKeepsServing();
  }
}
