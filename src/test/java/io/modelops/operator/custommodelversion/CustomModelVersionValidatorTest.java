package io.modelops.operator.custommodelversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.modelops.operator.api.v1alpha1.common.Condition;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersionStatus;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.workload.FixedLookups;
import io.modelops.operator.workload.NamespaceLookups;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a version's Secret/ConfigMap/PVC references are looked up again, and when not. */
class CustomModelVersionValidatorTest {
  private static final NamespaceLookups LIVE = FixedLookups.of(Map.of(), Set.of(), Set.of());

  private static CustomModelVersion version(long generation, Long observed,
      ConditionStatus validated) {
    CustomModelVersion v = new CustomModelVersion();
    v.setMetadata(new ObjectMetaBuilder().withName("v1").withNamespace("ns")
        .withGeneration(generation).build());
    if (observed != null) {
      CustomModelVersionStatus status = new CustomModelVersionStatus();
      status.setObservedGeneration(observed);
      Condition c = new Condition();
      c.setType(Conditions.VALIDATED);
      c.setStatus(validated);
      c.setReason(validated == ConditionStatus.TRUE ? "Validated" : "SecretNotFound");
      status.setConditions(List.of(c));
      v.setStatus(status);
    }
    return v;
  }

  @Test
  void aVersionValidatedAtItsGenerationIsNotLookedUpAgain() {
    assertThat(CustomModelVersionValidator.lookupsFor(version(3, 3L, ConditionStatus.TRUE), () -> LIVE))
        .isSameAs(NamespaceLookups.VERIFIED);
  }

  @Test
  void aNewVersionIsLookedUp() {
    assertThat(CustomModelVersionValidator.lookupsFor(version(1, null, null), () -> LIVE)).isSameAs(LIVE);
  }

  @Test
  void aVersionValidatedAtAnOlderGenerationIsLookedUpAgain() {
    assertThat(CustomModelVersionValidator.lookupsFor(version(4, 3L, ConditionStatus.TRUE), () -> LIVE))
        .isSameAs(LIVE);
  }

  @Test
  void aRefusedVersionIsLookedUpAgainSoItCanHeal() {
    assertThat(CustomModelVersionValidator.lookupsFor(version(3, 3L, ConditionStatus.FALSE), () -> LIVE))
        .isSameAs(LIVE);
  }

  @Test
  void verifiedLookupsFindEverything() {
    assertThat(NamespaceLookups.VERIFIED.secret("any", "key"))
        .isEqualTo(NamespaceLookups.SecretState.PRESENT);
    assertThat(NamespaceLookups.VERIFIED.configMapExists("any")).isTrue();
    assertThat(NamespaceLookups.VERIFIED.persistentVolumeClaimExists("any")).isTrue();
  }
}
