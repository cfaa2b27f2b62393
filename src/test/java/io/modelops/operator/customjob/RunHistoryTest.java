package io.modelops.operator.customjob;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelops.operator.customjob.RunHistory.Finished;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunHistoryTest {
  static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");

  @Test
  void keepsTheNewestOfEachOutcomeAndDeletesTheRest() {
    var runs =
        List.of(
            new Finished("ok-1", T0.plusSeconds(1), true),
            new Finished("ok-2", T0.plusSeconds(2), true),
            new Finished("ok-3", T0.plusSeconds(3), true),
            new Finished("bad-1", T0.plusSeconds(4), false),
            new Finished("bad-2", T0.plusSeconds(5), false));
    assertThat(RunHistory.toDelete(runs, 2, 1)).containsExactly("ok-1", "bad-1");
  }

  @Test
  void aLimitOfZeroDeletesEveryFinishedRunOfThatOutcome() {
    var runs = List.of(new Finished("ok", T0, true), new Finished("bad", T0, false));
    assertThat(RunHistory.toDelete(runs, 0, 5)).containsExactly("ok");
  }
}
