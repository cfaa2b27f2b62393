package io.modelops.operator.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestPodAssemblyTest {
  static WorkloadInputs server() {
    return WorkloadInputs.builder(
            "model",
            "python:3.11-slim",
            new CodeOrigin.ConfigMapCode("code"),
            "start_server.sh",
            new OperatorPodSettings("git:1"))
        .serving(new ModelServer(8080, "/churn"))
        .podLabels(Map.of("modelops.io/test", "t"))
        .build();
  }

  static TesterInputs tester(Optional<TesterInputs.Dataset> dataset) {
    return new TesterInputs("operator:1", "test-model", "MODELOPS_TEST_PLAN", "{}", dataset);
  }

  @Test
  void theServerIsTheServingContainerRunAsASidecarAndTheTesterIsTheOnlyContainer() {
    var serving = PodAssembly.podTemplate(server()).getSpec().getContainers().get(0);
    var pod =
        TestPodAssembly.podTemplate(
                server(), tester(Optional.of(new TesterInputs.ConfigMapKey("data", "x.csv"))))
            .getSpec();
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    Container sidecar = pod.getInitContainers().get(pod.getInitContainers().size() - 1);
    assertThat(sidecar.getRestartPolicy()).isEqualTo("Always");
    sidecar.setRestartPolicy(null);
    assertThat(sidecar).isEqualTo(serving);
    assertThat(pod.getContainers()).extracting(Container::getName).containsExactly("tester");
    Container tester = pod.getContainers().get(0);
    assertThat(tester.getArgs()).containsExactly("test-model");
    assertThat(tester.getSecurityContext()).isEqualTo(serving.getSecurityContext());
    assertThat(tester.getResources().getRequests())
        .containsKeys("cpu", "memory", "ephemeral-storage");
    assertThat(tester.getResources().getLimits()).containsKeys("memory", "ephemeral-storage");
    assertThat(tester.getVolumeMounts())
        .anySatisfy(
            m -> {
              assertThat(m.getName()).isEqualTo("dataset");
              assertThat(m.getReadOnly()).isTrue();
            });
    assertThat(sidecar.getVolumeMounts()).noneMatch(m -> m.getName().equals("dataset"));
    assertThat(pod.getVolumes())
        .filteredOn(v -> v.getName().equals("dataset"))
        .singleElement()
        .satisfies(
            v -> assertThat(v.getConfigMap().getItems().get(0).getPath()).isEqualTo("dataset.csv"));
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
  }

  @Test
  void aClaimDatasetIsMountedReadOnlyAndAnUnstructuredTestMayHaveNone() {
    var withClaim =
        TestPodAssembly.podTemplate(
                server(), tester(Optional.of(new TesterInputs.VolumeFile("datasets", "a/b.csv"))))
            .getSpec();
    assertThat(withClaim.getVolumes())
        .filteredOn(v -> v.getName().equals("dataset"))
        .singleElement()
        .satisfies(v -> assertThat(v.getPersistentVolumeClaim().getReadOnly()).isTrue());
    assertThat(new TesterInputs.VolumeFile("datasets", "a/b.csv").path())
        .isEqualTo("/var/run/modelops/dataset/a/b.csv");
    var without = TestPodAssembly.podTemplate(server(), tester(Optional.empty())).getSpec();
    assertThat(without.getVolumes()).noneMatch(v -> v.getName().equals("dataset"));
    assertThat(List.of(without.getContainers().get(0).getVolumeMounts().get(0).getMountPath()))
        .containsExactly("/tmp");
  }
}
