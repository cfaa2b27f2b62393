package io.modelops.operator.customjobrun;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelops.operator.customjobrun.RunQueue.Candidate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunQueueTest {
  private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");

  @Test
  void admitsOldestWaitingRunsUpToTheLimit() {
    var admitted = RunQueue.admitted(List.of(
        new Candidate("c", T0.plusSeconds(3), false),
        new Candidate("a", T0.plusSeconds(1), false),
        new Candidate("b", T0.plusSeconds(2), false)), 2);
    assertThat(admitted).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void startedRunsKeepTheirSlotsEvenOverALoweredLimit() {
    var admitted = RunQueue.admitted(List.of(
        new Candidate("running-1", T0.plusSeconds(5), true),
        new Candidate("running-2", T0.plusSeconds(6), true),
        new Candidate("waiting", T0, false)), 1);
    assertThat(admitted).containsExactlyInAnyOrder("running-1", "running-2");
  }

  @Test
  void aFreedSlotGoesToTheNextInCreationOrderWithNameBreakingTies() {
    var admitted = RunQueue.admitted(List.of(
        new Candidate("y", T0, false), new Candidate("x", T0, false)), 1);
    assertThat(admitted).containsExactly("x");
  }
}
