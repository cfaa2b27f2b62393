package io.modelops.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlacementSettingsTest {
  @TempDir Path dir;

  @Test
  void defaultsAreTheDevicePluginsNamesNoPullSecretsAndASpread() {
    PlacementSettings placement = OperatorConfig.load(Map.of()).placement();

    assertThat(placement.gpuResource("nvidia")).isEqualTo("nvidia.com/gpu");
    assertThat(placement.gpuResource("amd")).isEqualTo("amd.com/gpu");
    assertThat(placement.gpuResource("intel")).isEqualTo("gpu.intel.com/i915");
    assertThat(placement.gpuResource(null)).isEqualTo("nvidia.com/gpu");
    assertThat(placement.imagePullSecrets()).isEmpty();
    assertThat(placement.requiredHostAntiAffinity()).isFalse();
  }

  @Test
  void theConfigFileRenamesOneMakersResourceAndKeepsTheOthers() throws Exception {
    Path file = dir.resolve("config.yaml");
    Files.writeString(
        file,
        """
        placement:
          gpuResources: {intel: gpu.intel.com/xe}
          imagePullSecrets: [platform-registry]
          requiredHostAntiAffinity: true
        """);

    PlacementSettings placement =
        OperatorConfig.load(Map.of("MODELOPS_CONFIG_FILE", file.toString())).placement();

    assertThat(placement.gpuResource("intel")).isEqualTo("gpu.intel.com/xe");
    assertThat(placement.gpuResource("nvidia")).isEqualTo("nvidia.com/gpu");
    assertThat(placement.imagePullSecrets()).containsExactly("platform-registry");
    assertThat(placement.requiredHostAntiAffinity()).isTrue();
  }

  @Test
  void refusesAnUnknownMakerAResourceWithoutADomainAndASecretNameKubernetesWouldRefuse() {
    assertThatThrownBy(() -> new PlacementSettings(Map.of("apple", "apple.com/gpu"), null, false))
        .hasMessageContaining("placement.gpuResources: unknown GPU maker \"apple\"");
    assertThatThrownBy(() -> new PlacementSettings(Map.of("amd", "gpu"), null, false))
        .hasMessageContaining("placement.gpuResources.amd: \"gpu\" is not a resource name");
    assertThatThrownBy(() -> new PlacementSettings(null, List.of("other/regcred"), false))
        .hasMessageContaining("placement.imagePullSecrets: \"other/regcred\" is not a Secret name");
  }
}
