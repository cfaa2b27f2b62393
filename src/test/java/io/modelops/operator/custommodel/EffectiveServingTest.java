package io.modelops.operator.custommodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.modelops.operator.config.OperatorLimits;
import io.modelops.operator.custommodel.EffectiveServing.Settings;
import io.modelops.operator.network.EgressPolicies.Egress;
import io.modelops.operator.resourcebundle.BundleChoice.Bundle;
import io.modelops.operator.status.Problem;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EffectiveServingTest {
  static final OperatorLimits LIMITS = OperatorLimits.defaults();
  static final Bundle SMALL =
      new Bundle(
          "cpu.small",
          Optional.of(1.0),
          Optional.of(1073741824L),
          0,
          null,
          Set.of("customModel"),
          true,
          false);

  static Settings settings(
      Integer replicas, Long max, Long desired, String bundle, Egress egress, Boolean ha) {
    return new Settings(
        Optional.ofNullable(replicas),
        Optional.ofNullable(max),
        Optional.ofNullable(desired),
        Optional.ofNullable(bundle),
        Optional.ofNullable(egress),
        Optional.ofNullable(ha),
        Optional.empty());
  }

  @Test
  void versionOverridesModelWhichOverridesOperatorDefaults() {
    var outcome =
        EffectiveServing.resolve(
            settings(2, null, null, null, Egress.PUBLIC, null),
            settings(3, 536870912L, 268435456L, null, null, null),
            Map.of(),
            Set.of(),
            LIMITS);
    var r = outcome.resolved().orElseThrow();
    assertThat(r.replicas()).isEqualTo(3);
    assertThat(r.networkEgressPolicy()).isEqualTo(Egress.PUBLIC);
    assertThat(r.requests()).containsEntry("memory", new Quantity("268435456"));
    assertThat(r.limits()).containsEntry("memory", new Quantity("536870912"));
  }

  @Test
  void nothingSetMeansOneReplicaNoEgressAndTheDesiredContainerSizeAsRequestAndLimit() {
    var r =
        EffectiveServing.resolve(Settings.none(), Settings.none(), Map.of(), Set.of(), LIMITS)
            .resolved()
            .orElseThrow();
    assertThat(r.replicas()).isEqualTo(1);
    assertThat(r.requiresHa()).isFalse();
    assertThat(r.networkEgressPolicy()).isEqualTo(Egress.NONE);
    assertThat(r.requests()).containsEntry("memory", new Quantity("134217728"));
    assertThat(r.limits()).isEqualTo(r.requests());
  }

  @Test
  void defaultBundleAppliesWhenNeitherBundleNorMemoryIsGiven() {
    var r =
        EffectiveServing.resolve(
                Settings.none(), Settings.none(), Map.of("cpu.small", SMALL), Set.of(), LIMITS)
            .resolved()
            .orElseThrow();
    assertThat(r.resourceBundle()).contains("cpu.small");
    assertThat(r.requests()).isEqualTo(r.limits()).containsEntry("cpu", new Quantity("1"));
  }

  @Test
  void memoryOnTheVersionReplacesTheModelsBundle() {
    var r =
        EffectiveServing.resolve(
                settings(null, null, null, "cpu.small", null, null),
                settings(null, 268435456L, null, null, null, null),
                Map.of("cpu.small", SMALL),
                Set.of(),
                LIMITS)
            .resolved()
            .orElseThrow();
    assertThat(r.resourceBundle()).isEmpty();
    assertThat(r.requests()).containsOnlyKeys("memory");
    assertThat(r.requests()).isEqualTo(r.limits());
  }

  @Test
  void requiresHaDefaultsToTwoReplicasAndRefusesOne() {
    assertThat(
            EffectiveServing.resolve(
                    settings(null, null, null, null, null, true),
                    Settings.none(),
                    Map.of(),
                    Set.of(),
                    LIMITS)
                .resolved()
                .orElseThrow()
                .replicas())
        .isEqualTo(2);
    var refused =
        EffectiveServing.resolve(
            settings(1, null, null, null, null, true), Settings.none(), Map.of(), Set.of(), LIMITS);
    assertThat(refused.problems())
        .containsExactly(
            Problem.of(
                "HighAvailabilityNeedsReplicas",
                "requiresHa needs at least 2 replicas but spec.replicas is 1"));
  }

  @Test
  void enforcesOperatorLimitsNamingTheLimitAndReportsAllProblemsAtOnce() {
    var tight = new OperatorLimits(4, 1073741824L, 134217728L, 1, 1, 60);
    var outcome =
        EffectiveServing.resolve(
            Settings.none(),
            settings(6, 2147483648L, null, null, null, null),
            Map.of(),
            Set.of(),
            tight);
    assertThat(outcome.resolved()).isEmpty();
    assertThat(outcome.problems())
        .containsExactly(
            Problem.of(
                "LimitExceeded",
                "version spec.replicas 6 exceeds the operator limit"
                    + " maxCustomModelReplicasPerDeployment=4"),
            Problem.of(
                "LimitExceeded",
                "version spec.maximumMemory 2147483648 exceeds the operator"
                    + " limit maxCustomModelContainerSize=1073741824"));
  }
}
