package io.modelops.operator.pod;

import static io.modelops.operator.pod.Workloads.SETTINGS;
import static io.modelops.operator.pod.Workloads.git;
import static io.modelops.operator.pod.Workloads.job;
import static io.modelops.operator.pod.Workloads.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelops.operator.config.OperatorConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The guards on resolved inputs: a bug upstream fails loudly instead of building a bad pod. */
class WorkloadInputsTest {

  @Test
  void aBuilderWithOnlyTheEssentialsDescribesAPlainJob() {
    var code = new CodeOrigin.ConfigMapCode("code");
    WorkloadInputs inputs =
        WorkloadInputs.builder("job", "python:3.11-slim", code, "run.sh", SETTINGS).build();

    assertThat(inputs.serving()).isEmpty();
    assertThat(inputs.restartPolicy()).isEqualTo("Never");
    assertThat(inputs.environment()).isEmpty();
    assertThat(inputs.runtimeParameters()).isEmpty();
    assertThat(inputs.requiredMetadata()).isEmpty();
    assertThat(inputs.resources()).isEqualTo(ComputeResources.none());
    assertThat(inputs.hostAntiAffinity()).isEmpty();
    assertThat(inputs.workerConfig()).isEmpty();
    assertThat(inputs.configMapMounts()).isEmpty();
  }

  @Test
  void toBuilderReproducesTheSameInputs() {
    WorkloadInputs inputs =
        model().requiredMetadata(Map.of("A", "1")).workerConfig(new WorkerConfig("c", "k")).build();

    assertThat(Workloads.toBuilder(inputs).build()).isEqualTo(inputs);
  }

  @Test
  void takesTheGitFetcherImageFromTheOperatorConfig() {
    assertThat(OperatorPodSettings.from(OperatorConfig.defaults()).gitFetcherImage())
        .isEqualTo(OperatorConfig.defaults().gitFetcherImage());
  }

  @Test
  void refusesAContainerNameThatIsNotADnsLabel() {
    assertThatThrownBy(() -> model().containerName("Model_1").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DNS label");
  }

  @Test
  void refusesAContainerNameTakenByTheCodeInitContainer() {
    var inputs = model().containerName("fetch-code").code(git(Optional.empty())).build();

    assertThatThrownBy(() -> PodAssembly.podTemplate(inputs))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fetch-code");
  }

  @Test
  void refusesAnEntryPointOutsideTheCodeDirectory() {
    for (String entryPoint : List.of("/bin/sh", "../start.sh", "bin/../../x", "bin//x", " ")) {
      assertThatThrownBy(() -> job().entryPoint(entryPoint).build())
          .as(entryPoint)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void refusesCodePathsThatLeaveTheirVolume() {
    assertThatThrownBy(
            () -> new CodeOrigin.GitCode("https://g/x.git", "main", "a/../..", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("git path");
    assertThatThrownBy(() -> new CodeOrigin.PvcCode("models", "../other"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("code subPath");
  }

  @Test
  void refusesServingPortsOutOfRange() {
    assertThatThrownBy(() -> new ModelServer(0, "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ModelServer(65536, ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAUrlPrefixThatIsNotAPath() {
    assertThatThrownBy(() -> new ModelServer(8080, "/a?b=c"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesEnvironmentVariableNamesThatAreNotCIdentifiers() {
    for (String name : List.of("1ST", "A-B", "A B", "")) {
      assertThatThrownBy(() -> new EnvironmentVariable(name, "x"))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void refusesBlankFieldNamesAndSecretReferences() {
    assertThatThrownBy(() -> job().requiredMetadata(Map.of(" ", "x")).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SecretKey("creds", ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesMountingAConfigMapAtTheRootOrARelativePath() {
    assertThatThrownBy(() -> new ConfigMapMount("x", "/"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ConfigMapMount("x", "etc/metrics"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesNullsInsteadOfEmptyParts() {
    assertThatThrownBy(() -> job().serving((Optional<ModelServer>) null).build())
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> job().environment(null).build())
        .isInstanceOf(NullPointerException.class);
  }
}
