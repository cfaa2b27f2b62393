package io.modelops.operator.custommodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelops.operator.custommodel.BlueGreen.Decision;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlueGreenTest {
  @Test
  void firstLaunchRoutesStraightToTheTarget() {
    assertThat(BlueGreen.decide(Optional.empty(), "v1", Map.of()))
        .isEqualTo(new Decision("v1", Set.of("v1"), false));
  }

  @Test
  void keepsServingTheOldVersionUntilTheNewOneIsAvailable() {
    Decision d = BlueGreen.decide(Optional.of("v1"), "v2", Map.of("v1", true, "v2", false));
    assertThat(d.routeTo()).isEqualTo("v1");
    assertThat(d.keep()).containsExactly("v1", "v2");
    assertThat(d.replacing()).isTrue();
  }

  @Test
  void servesNewVersionOnlyAfterItIsReadyAndKeepsTheOldOneForThatPass() {
    Decision d = BlueGreen.decide(Optional.of("v1"), "v2", Map.of("v1", true, "v2", true));
    assertThat(d.routeTo()).isEqualTo("v2");
    assertThat(d.keep()).containsExactly("v1", "v2");
  }

  @Test
  void removesTheOldDeploymentOnceTheServiceRoutesToTheNewVersion() {
    assertThat(BlueGreen.decide(Optional.of("v2"), "v2", Map.of("v1", true, "v2", true)))
        .isEqualTo(new Decision("v2", Set.of("v2"), false));
  }

  @Test
  void aVanishedOldDeploymentDoesNotHoldTheSwitch() {
    assertThat(BlueGreen.decide(Optional.of("v1"), "v2", Map.of("v2", false)))
        .isEqualTo(new Decision("v2", Set.of("v2"), false));
  }

  @Test
  void switchingBackToTheStillServedVersionCancelsTheRollout() {
    assertThat(BlueGreen.decide(Optional.of("v1"), "v1", Map.of("v1", true, "v2", false)))
        .isEqualTo(new Decision("v1", Set.of("v1"), false));
  }
}
