package io.modelops.operator.resourcebundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.modelops.operator.resourcebundle.BundleChoice.Bundle;
import io.modelops.operator.status.Problem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BundleChoiceTest {
  static final Bundle SMALL =
      new Bundle(
          "cpu.small",
          Optional.of(1.0),
          Optional.of(1073741824L),
          0,
          null,
          Set.of("customModel", "customJob"),
          true,
          false);
  static final Bundle GPU =
      new Bundle(
          "gpu.amd",
          Optional.of(0.5),
          Optional.of(2147483648L),
          2,
          "amd",
          Set.of("customModel"),
          false,
          false);
  static final Bundle JOBS =
      new Bundle(
          "jobs.only",
          Optional.of(4.0),
          Optional.empty(),
          0,
          null,
          Set.of("customJob"),
          true,
          false);
  static final Bundle OLD =
      new Bundle(
          "old",
          Optional.of(1.0),
          Optional.of(134217728L),
          0,
          null,
          Set.of("customModel"),
          true,
          true);
  static final Map<String, Bundle> ALL =
      Map.of("cpu.small", SMALL, "gpu.amd", GPU, "jobs.only", JOBS, "old", OLD);

  @Test
  void bundleGivesEqualRequestsAndLimitsIncludingGpusOfItsMaker() {
    var r = BundleChoice.resolve("spec.resourceBundleRef", "gpu.amd", "customModel", ALL, Set.of());
    assertThat(r.problem()).isEmpty();
    assertThat(r.resources())
        .containsEntry("cpu", new Quantity("500m"))
        .containsEntry("memory", new Quantity("2147483648"))
        .containsEntry("amd.com/gpu", new Quantity("2"));
  }

  @Test
  void refusesBundleThatDoesNotAllowCustomModels() {
    var r =
        BundleChoice.resolve("spec.resourceBundleRef", "jobs.only", "customModel", ALL, Set.of());
    assertThat(r.problem())
        .hasValueSatisfying(
            p -> {
              assertThat(p.reason()).isEqualTo("BundleNotAllowed");
              assertThat(p.message())
                  .isEqualTo(
                      "spec.resourceBundleRef.name: ResourceBundle"
                          + " \"jobs.only\" is not for customModel (its useCases: customJob)");
            });
  }

  @Test
  void refusesMissingBundleNamingTheField() {
    var r =
        BundleChoice.resolve(
            "spec.resources.resourceBundleRef", "nope", "customJob", ALL, Set.of());
    assertThat(r.problem())
        .hasValueSatisfying(
            p -> {
              assertThat(p.reason()).isEqualTo("BundleNotFound");
              assertThat(p.message())
                  .isEqualTo(
                      "spec.resources.resourceBundleRef.name: ResourceBundle \"nope\" does not exist");
            });
  }

  @Test
  void deprecatedBundleKeepsExistingUsersButRefusesNewOnes() {
    assertThat(
            BundleChoice.resolve("spec.resourceBundleRef", "old", "customModel", ALL, Set.of())
                .problem())
        .contains(
            Problem.of(
                "BundleDeprecated",
                "spec.resourceBundleRef.name: ResourceBundle \"old\" is deprecated and takes no new"
                    + " users"));
    assertThat(
            BundleChoice.resolve("spec.resourceBundleRef", "old", "customModel", ALL, Set.of("old"))
                .problem())
        .isEmpty();
  }

  @Test
  void defaultBundleSkipsDeprecatedAndOtherUseCases() {
    assertThat(BundleChoice.defaultFor("customModel", ALL.values())).contains(SMALL);
    assertThat(BundleChoice.defaultFor("customJob", List.of(JOBS, SMALL))).contains(SMALL);
    assertThat(BundleChoice.defaultFor("sapAICore", ALL.values())).isEmpty();
  }

  @Test
  void gpuMakersMapToTheirResourceNames() {
    assertThat(BundleChoice.gpuResource("nvidia")).isEqualTo("nvidia.com/gpu");
    assertThat(BundleChoice.gpuResource("amd")).isEqualTo("amd.com/gpu");
    assertThat(BundleChoice.gpuResource("intel")).isEqualTo("gpu.intel.com/i915");
    assertThat(BundleChoice.gpuResource(null)).isEqualTo("nvidia.com/gpu");
  }
}
