package io.modelops.operator.pod;

import static io.modelops.operator.pod.Workloads.SELECTOR;
import static io.modelops.operator.pod.Workloads.environment;
import static io.modelops.operator.pod.Workloads.job;
import static io.modelops.operator.pod.Workloads.main;
import static io.modelops.operator.pod.Workloads.model;
import static io.modelops.operator.pod.Workloads.pod;
import static io.modelops.operator.pod.Workloads.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PodTemplateTest {

  private static VolumeMount mountAt(Container container, String path) {
    return container.getVolumeMounts().stream()
        .filter(m -> m.getMountPath().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError("nothing mounted at " + path));
  }

  private static Volume volume(PodSpec spec, String name) {
    return spec.getVolumes().stream()
        .filter(v -> v.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void runsTheEntryPointFromTheCodeDirectoryWithoutAShell() {
    Container main = main(model().entryPoint("bin/start server.sh"));

    assertThat(main.getName()).isEqualTo("model");
    assertThat(main.getImage()).isEqualTo("python:3.11-slim");
    assertThat(main.getCommand()).containsExactly("/opt/code/bin/start server.sh");
    assertThat(main.getArgs()).isEmpty();
    assertThat(main.getWorkingDir()).isEqualTo("/opt/code");
  }

  @Test
  void entryPointWithADollarIsExecutedVerbatim() {
    Container main = main(job().entryPoint("run$(X).sh"));

    assertThat(KubeletEnvironment.command(main, Map.of("X", "no")))
        .containsExactly("/opt/code/run$(X).sh");
  }

  @Test
  void servingPodExposesItsPortAndIsReadyWhenUrlPrefixAnswers() {
    Container main = main(model().serving(new ModelServer(9000, "/models/churn/")));

    assertThat(main.getPorts())
        .singleElement()
        .satisfies(
            port -> {
              assertThat(port.getName()).isEqualTo("http");
              assertThat(port.getContainerPort()).isEqualTo(9000);
              assertThat(port.getProtocol()).isEqualTo("TCP");
            });
    Probe readiness = main.getReadinessProbe();
    assertThat(readiness.getHttpGet().getPath()).isEqualTo("/models/churn/");
    assertThat(readiness.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    assertThat(readiness.getTimeoutSeconds()).isEqualTo(5);
    assertThat(main.getLivenessProbe()).isNull();
  }

  @Test
  void defaultServingListensOn8080AndProbesTheRoot() {
    Container main = main(model());

    assertThat(main.getPorts().get(0).getContainerPort()).isEqualTo(8080);
    assertThat(main.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/");
    assertThat(environment(model())).containsEntry("PORT", "8080").containsEntry("URL_PREFIX", "");
  }

  @Test
  void normalizesTheUrlPrefixSoRoutesAreWellFormed() {
    assertThat(new ModelServer(8080, "churn").urlPrefix()).isEqualTo("/churn");
    assertThat(new ModelServer(8080, "/churn//").urlPrefix()).isEqualTo("/churn");
    assertThat(new ModelServer(8080, "/").urlPrefix()).isEmpty();
    assertThat(new ModelServer(8080, "/churn").readinessPath()).isEqualTo("/churn/");
  }

  @Test
  void servingPodRestartsAlways() {
    assertThat(spec(model()).getRestartPolicy()).isEqualTo("Always");
  }

  @Test
  void jobPodHasNoPortNoProbeAndNeverRestarts() {
    PodSpec spec = spec(job());

    assertThat(spec.getRestartPolicy()).isEqualTo("Never");
    Container main = spec.getContainers().get(0);
    assertThat(main.getPorts()).isEmpty();
    assertThat(main.getReadinessProbe()).isNull();
    assertThat(main.getLivenessProbe()).isNull();
  }

  @Test
  void appliesRequestsAndLimitsExactlyIncludingGpus() {
    var resources =
        new ComputeResources(
            Map.of("cpu", new Quantity("1"), "memory", new Quantity("1Gi")),
            Map.of(
                "cpu",
                new Quantity("1"),
                "memory",
                new Quantity("2Gi"),
                "nvidia.com/gpu",
                new Quantity("2")));

    var requirements = main(model().resources(resources)).getResources();

    assertThat(requirements.getRequests())
        .containsExactlyEntriesOf(
            new java.util.TreeMap<>(
                Map.of(
                    "cpu",
                    new Quantity("1"),
                    "ephemeral-storage",
                    new Quantity("256Mi"),
                    "memory",
                    new Quantity("1Gi"))));
    assertThat(requirements.getLimits())
        .containsOnlyKeys("cpu", "ephemeral-storage", "memory", "nvidia.com/gpu")
        .containsEntry("memory", new Quantity("2Gi"))
        .containsEntry("nvidia.com/gpu", new Quantity("2"));
  }

  @Test
  void bundleResourcesRequestWhatTheyLimitAndThePlatformsEphemeralStorage() {
    var bundle =
        ComputeResources.requestsEqualLimits(
            Map.of(
                "cpu", new Quantity("4"),
                "memory", new Quantity("16Gi"),
                "amd.com/gpu", new Quantity("1")));

    var requirements = main(job().resources(bundle)).getResources();

    assertThat(requirements.getRequests())
        .containsEntry("cpu", new Quantity("4"))
        .containsEntry("memory", new Quantity("16Gi"))
        .containsEntry("amd.com/gpu", new Quantity("1"))
        .containsEntry("ephemeral-storage", new Quantity("256Mi"));
    assertThat(requirements.getLimits())
        .containsEntry("cpu", new Quantity("4"))
        .containsEntry("memory", new Quantity("16Gi"))
        .containsEntry("amd.com/gpu", new Quantity("1"))
        .containsEntry("ephemeral-storage", new Quantity("4Gi"));
  }

  @Test
  void noResourcesLeaveOnlyThePlatformsEphemeralStorage() {
    var requirements = main(job()).getResources();

    assertThat(requirements.getRequests())
        .containsExactlyEntriesOf(Map.of("ephemeral-storage", new Quantity("256Mi")));
    assertThat(requirements.getLimits())
        .containsExactlyEntriesOf(Map.of("ephemeral-storage", new Quantity("4Gi")));
  }

  @Test
  void everyEmptyDirHasASizeLimitAndEveryContainerEphemeralStorage() {
    for (CodeOrigin code :
        new CodeOrigin[] {
          new CodeOrigin.GitCode("https://git.example.com/m.git", "main", "", Optional.empty()),
          new CodeOrigin.ImageCode("registry/org/code:1")
        }) {
      PodSpec spec = spec(model().code(code));

      assertThat(spec.getVolumes())
          .filteredOn(v -> v.getEmptyDir() != null)
          .extracting(v -> v.getName() + "=" + v.getEmptyDir().getSizeLimit())
          .containsExactlyInAnyOrder("code=2Gi", "tmp=1Gi");
      assertThat(
              java.util.stream.Stream.concat(
                  spec.getInitContainers().stream(), spec.getContainers().stream()))
          .hasSize(2)
          .allSatisfy(
              c -> {
                assertThat(c.getResources().getRequests()).containsKey("ephemeral-storage");
                assertThat(c.getResources().getLimits()).containsKey("ephemeral-storage");
              });
    }
  }

  @Test
  void haModelPodsRequireDifferentNodes() {
    PodSpec spec = spec(model().hostAntiAffinity(new HostAntiAffinity(SELECTOR)));

    var terms =
        spec.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
    assertThat(terms)
        .singleElement()
        .satisfies(
            term -> {
              assertThat(term.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
              assertThat(term.getLabelSelector().getMatchLabels()).isEqualTo(SELECTOR);
            });
    assertThat(
            spec.getAffinity()
                .getPodAntiAffinity()
                .getPreferredDuringSchedulingIgnoredDuringExecution())
        .isEmpty();
  }

  @Test
  void podsWithoutHaHaveNoAffinity() {
    assertThat(spec(model()).getAffinity()).isNull();
  }

  @Test
  void refusesAnAntiAffinityThatSelectsEveryPod() {
    assertThatThrownBy(() -> new HostAntiAffinity(Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mountsTheWorkerConfigReadOnlyAsOneFile() {
    PodSpec spec =
        spec(job().workerConfig(new WorkerConfig("retrain-run-1-config", "config.json")));

    VolumeMount mount = mountAt(spec.getContainers().get(0), "/etc/modelops/worker-config.json");
    assertThat(mount.getReadOnly()).isTrue();
    assertThat(mount.getSubPath()).isEqualTo("worker-config.json");
    var source = volume(spec, mount.getName()).getConfigMap();
    assertThat(source.getName()).isEqualTo("retrain-run-1-config");
    assertThat(source.getItems())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.getKey()).isEqualTo("config.json");
              assertThat(item.getPath()).isEqualTo("worker-config.json");
            });
  }

  @Test
  void podsWithoutWorkerConfigMountNone() {
    assertThat(main(job()).getVolumeMounts())
        .extracting(VolumeMount::getMountPath)
        .containsExactly("/opt/code", "/tmp");
  }

  @Test
  void mountsFurtherConfigMapsReadOnlyInOrder() {
    PodSpec spec =
        spec(
            job()
                .configMapMounts(
                    List.of(
                        new ConfigMapMount("metric-definitions", "/etc/modelops/custom-metrics/"),
                        new ConfigMapMount("thresholds", "/etc/modelops/thresholds"))));

    Container main = spec.getContainers().get(0);
    assertThat(main.getVolumeMounts())
        .extracting(VolumeMount::getMountPath)
        .containsExactly(
            "/opt/code", "/tmp", "/etc/modelops/custom-metrics", "/etc/modelops/thresholds");
    VolumeMount metrics = mountAt(main, "/etc/modelops/custom-metrics");
    assertThat(metrics.getReadOnly()).isTrue();
    assertThat(volume(spec, metrics.getName()).getConfigMap().getName())
        .isEqualTo("metric-definitions");
    assertThat(
            volume(spec, mountAt(main, "/etc/modelops/thresholds").getName())
                .getConfigMap()
                .getName())
        .isEqualTo("thresholds");
  }

  @Test
  void refusesMountsThatWouldNestOrCollide() {
    for (String path : List.of("/opt/code", "/opt/code/extra", "/tmp", "/opt")) {
      var inputs = job().configMapMounts(List.of(new ConfigMapMount("x", path)));
      assertThatThrownBy(() -> PodAssembly.podTemplate(inputs.build()))
          .as(path)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("overlap");
    }
    var nestedInWorkerConfig =
        job()
            .workerConfig(new WorkerConfig("c", "k"))
            .configMapMounts(List.of(new ConfigMapMount("x", "/etc/modelops/worker-config.json")));
    assertThatThrownBy(() -> PodAssembly.podTemplate(nestedInWorkerConfig.build()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void carriesTheCallersLabelsAndAnnotations() {
    var template =
        pod(
            model()
                .podLabels(Map.of("modelops.io/model", "churn", "modelops.io/version", "churn-v2"))
                .podAnnotations(Map.of("modelops.io/config-hash", "abc")));

    assertThat(template.getMetadata().getLabels())
        .containsExactly(
            Map.entry("modelops.io/model", "churn"), Map.entry("modelops.io/version", "churn-v2"));
    assertThat(template.getMetadata().getAnnotations())
        .containsExactly(Map.entry("modelops.io/config-hash", "abc"));
  }

  @Test
  void keepsTheKubernetesApiAndServiceVariablesOutOfThePod() {
    PodSpec spec = spec(model());

    assertThat(spec.getAutomountServiceAccountToken()).isFalse();
    assertThat(spec.getEnableServiceLinks()).isFalse();
  }

  @Test
  void crashMessagesFallBackToTheLogTail() {
    assertThat(main(job()).getTerminationMessagePolicy()).isEqualTo("FallbackToLogsOnError");
  }
}
