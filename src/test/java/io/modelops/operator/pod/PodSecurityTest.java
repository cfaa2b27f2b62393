package io.modelops.operator.pod;

import static io.modelops.operator.pod.Workloads.SELECTOR;
import static io.modelops.operator.pod.Workloads.git;
import static io.modelops.operator.pod.Workloads.job;
import static io.modelops.operator.pod.Workloads.model;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PodSecurityTest {

  /** Every kind of pod the operator assembles: each code source, served and run as a job. */
  static Stream<WorkloadInputs> everyKindOfPod() {
    List<CodeOrigin> sources =
        List.of(
            new CodeOrigin.ConfigMapCode("code"),
            git(Optional.empty()),
            git(Optional.of(new SecretKey("git-token", "token"))),
            new CodeOrigin.ImageCode("registry/org/code:1"),
            new CodeOrigin.PvcCode("models", "churn"));
    List<WorkloadInputs> pods = new ArrayList<>();
    for (CodeOrigin code : sources) {
      pods.add(
          model()
              .code(code)
              .hostAntiAffinity(new HostAntiAffinity(SELECTOR))
              .resources(
                  ComputeResources.requestsEqualLimits(
                      Map.of(
                          "cpu",
                          new Quantity("1"),
                          "memory",
                          new Quantity("1Gi"),
                          "nvidia.com/gpu",
                          new Quantity("1"))))
              .runtimeParameters(
                  List.of(new RuntimeParameter.Credential("DB", new SecretKey("db", "credential"))))
              .build());
      pods.add(
          job()
              .code(code)
              .workerConfig(new WorkerConfig("cfg", "config.json"))
              .configMapMounts(List.of(new ConfigMapMount("metrics", "/etc/modelops/metrics")))
              .build());
    }
    return pods.stream();
  }

  private static List<Container> allContainers(PodSpec spec) {
    List<Container> all = new ArrayList<>(spec.getInitContainers());
    all.addAll(spec.getContainers());
    return all;
  }

  @ParameterizedTest
  @MethodSource("everyKindOfPod")
  void everyAssembledPodMeetsTheRestrictedProfile(WorkloadInputs inputs) {
    PodSpec spec = PodAssembly.podTemplate(inputs).getSpec();

    assertThat(RestrictedPodSecurity.violations(spec)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("everyKindOfPod")
  void everyContainerHasAReadOnlyRootAndAWritableTmp(WorkloadInputs inputs) {
    for (Container container : allContainers(PodAssembly.podTemplate(inputs).getSpec())) {
      assertThat(container.getSecurityContext().getReadOnlyRootFilesystem())
          .as(container.getName())
          .isTrue();
      assertThat(container.getVolumeMounts())
          .as(container.getName())
          .filteredOn(m -> m.getMountPath().equals("/tmp"))
          .singleElement()
          .satisfies(m -> assertThat(m.getReadOnly()).isNotEqualTo(true));
    }
  }

  @ParameterizedTest
  @MethodSource("everyKindOfPod")
  void theMainContainerCannotWriteItsCode(WorkloadInputs inputs) {
    Container main = PodAssembly.podTemplate(inputs).getSpec().getContainers().get(0);

    assertThat(main.getVolumeMounts())
        .filteredOn(m -> !m.getMountPath().equals("/tmp"))
        .extracting(VolumeMount::getReadOnly)
        .containsOnly(true);
  }

  @ParameterizedTest
  @MethodSource("everyKindOfPod")
  void runsAsTheDocumentedNonRootUser(WorkloadInputs inputs) {
    var context = PodAssembly.podTemplate(inputs).getSpec().getSecurityContext();

    assertThat(context.getRunAsNonRoot()).isTrue();
    assertThat(context.getRunAsUser()).isEqualTo(10001L);
    assertThat(context.getRunAsGroup()).isEqualTo(10001L);
    assertThat(context.getFsGroup()).isEqualTo(10001L);
    assertThat(context.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
  }

  @ParameterizedTest
  @MethodSource("everyKindOfPod")
  void everyContainerDropsAllCapabilitiesAndCannotEscalate(WorkloadInputs inputs) {
    for (Container container : allContainers(PodAssembly.podTemplate(inputs).getSpec())) {
      var context = container.getSecurityContext();
      assertThat(context.getAllowPrivilegeEscalation()).as(container.getName()).isFalse();
      assertThat(context.getCapabilities().getDrop()).containsExactly("ALL");
      assertThat(context.getCapabilities().getAdd()).isEmpty();
      assertThat(context.getRunAsNonRoot()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("everyKindOfPod")
  void onlyTheDocumentedSecretReferencesAppear(WorkloadInputs inputs) {
    PodSpec spec = PodAssembly.podTemplate(inputs).getSpec();

    assertThat(spec.getVolumes()).allSatisfy(v -> assertThat(v.getSecret()).isNull());
    for (Container container : allContainers(spec)) {
      container.getEnv().stream()
          .filter(e -> e.getValueFrom() != null)
          .forEach(
              e -> assertThat(e.getName()).isIn("MLOPS_CREDENTIAL_DB", "MODELOPS_GIT_PASSWORD"));
    }
  }

  @ParameterizedTest
  @MethodSource("everyKindOfPod")
  void doesNotMountTheServiceAccountToken(WorkloadInputs inputs) {
    assertThat(PodAssembly.podTemplate(inputs).getSpec().getAutomountServiceAccountToken())
        .isFalse();
  }
}
