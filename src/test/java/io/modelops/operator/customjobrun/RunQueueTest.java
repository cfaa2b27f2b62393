package io.modelops.operator.customjobrun;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.customjobrun.RunQueue.Candidate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunQueueTest {
  private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");

  @Test
  void admitsOldestWaitingRunsUpToTheLimit() {
    var admitted =
        RunQueue.admitted(
            List.of(
                new Candidate("c", T0.plusSeconds(3), false),
                new Candidate("a", T0.plusSeconds(1), false),
                new Candidate("b", T0.plusSeconds(2), false)),
            2);
    assertThat(admitted).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void startedRunsKeepTheirSlotsEvenOverALoweredLimit() {
    var admitted =
        RunQueue.admitted(
            List.of(
                new Candidate("running-1", T0.plusSeconds(5), true),
                new Candidate("running-2", T0.plusSeconds(6), true),
                new Candidate("waiting", T0, false)),
            1);
    assertThat(admitted).containsExactlyInAnyOrder("running-1", "running-2");
  }

  @Test
  void aFreedSlotGoesToTheNextInCreationOrderWithNameBreakingTies() {
    var admitted =
        RunQueue.admitted(List.of(new Candidate("y", T0, false), new Candidate("x", T0, false)), 1);
    assertThat(admitted).containsExactly("x");
  }

  static CustomJobRun run(String namespace, String name, int created, String extra) {
    return Serialization.unmarshal(
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJobRun
        metadata: {name: %s, namespace: %s, creationTimestamp: "%s"}
        %s
        """
            .formatted(name, namespace, T0.plusSeconds(created), extra),
        CustomJobRun.class);
  }

  @Test
  void slotsCountPerNamespaceAndCanceledOrFinishedRunsHoldNone() {
    CustomJobRun waiting = run("team-a", "waiting", 9, "spec: {customJobRef: {name: j}}");
    var runs =
        List.of(
            waiting,
            run(
                "team-b",
                "elsewhere",
                0,
                "spec: {customJobRef: {name: j}}\n"
                    + "status: {phase: running, jobName: elsewhere}"),
            run(
                "team-a",
                "done",
                1,
                "spec: {customJobRef: {name: j}}\n" + "status: {phase: succeeded, jobName: done}"),
            run(
                "team-a",
                "canceling",
                2,
                "spec: {customJobRef: {name: j}, cancel: true}\n"
                    + "status: {phase: canceling, jobName: canceling}"));
    assertThat(RunQueue.admits(waiting, runs.stream(), 1)).isTrue();
    var busy = new java.util.ArrayList<>(runs);
    busy.add(
        run(
            "team-a",
            "running",
            3,
            "spec: {customJobRef: {name: j}}\n" + "status: {phase: running, jobName: running}"));
    assertThat(RunQueue.admits(waiting, busy.stream(), 1)).isFalse();
  }

  @Test
  void aRunStopsCompetingWhenItFinishesOrIsCanceledAndWaitsUntilItHasAJob() {
    CustomJobRun queued = run("team-a", "q", 0, "spec: {customJobRef: {name: j}}");
    CustomJobRun running =
        run(
            "team-a",
            "r",
            0,
            "spec: {customJobRef: {name: j}}\nstatus: {phase: running, jobName: r}");
    CustomJobRun done =
        run(
            "team-a",
            "d",
            0,
            "spec: {customJobRef: {name: j}}\nstatus: {phase: failed, jobName: d}");
    CustomJobRun canceled = run("team-a", "c", 0, "spec: {customJobRef: {name: j}, cancel: true}");

    assertThat(RunQueue.competes(queued)).isTrue();
    assertThat(RunQueue.waiting(queued)).isTrue();
    assertThat(RunQueue.competes(running)).isTrue();
    assertThat(RunQueue.waiting(running)).isFalse();
    assertThat(RunQueue.competes(done)).isFalse();
    assertThat(RunQueue.competes(canceled)).isFalse();
  }

  @Test
  void aRunWaitingForAnObjectThatDoesNotExistYetHoldsNoSlotUntilItAsksForOne() {
    CustomJobRun blocked =
        run(
            "team-a",
            "blocked",
            0,
            "spec: {customJobRef: {name: j}}\nstatus: {phase: queued, conditions: [{type:"
                + " Progressing, status: \"True\", reason: EnvironmentNotFound}]}");
    CustomJobRun younger = run("team-a", "younger", 5, "spec: {customJobRef: {name: j}}");

    assertThat(RunQueue.competes(blocked)).isFalse();
    assertThat(RunQueue.waiting(blocked)).as("not woken by freed slots").isFalse();
    assertThat(RunQueue.admits(younger, java.util.stream.Stream.of(blocked, younger), 1))
        .as("the younger run takes the slot the older one cannot use")
        .isTrue();
    assertThat(RunQueue.admits(blocked, java.util.stream.Stream.of(blocked, younger), 1))
        .as("once valid, the older run asks again and is first in line")
        .isTrue();
    assertThat(RunEventSources.slotOnly(blocked).getStatus().getConditions())
        .singleElement()
        .satisfies(c -> assertThat(c.getReason()).isEqualTo("EnvironmentNotFound"));
  }

  @Test
  void theQueueCacheKeepsOnlyWhatTheQueueReadsAndDecidesAlike() {
    CustomJobRun running =
        run(
            "team-a",
            "r",
            0,
            "spec: {customJobRef: {name: j}, runtimeParameterValues: [{fieldName: X, type: string,"
                + " value: \"%s\"}]}\nstatus: {phase: running, jobName: r, message: hi}"
                    .formatted("x".repeat(10_000)));
    CustomJobRun waiting = run("team-a", "w", 5, "spec: {customJobRef: {name: j}}");

    CustomJobRun lean = RunEventSources.slotOnly(running);

    assertThat(lean.getSpec().getRuntimeParameterValues()).isNullOrEmpty();
    assertThat(lean.getStatus().getMessage()).isNull();
    assertThat(lean.getStatus().getJobName()).isEqualTo("r");
    assertThat(RunQueue.admits(waiting, java.util.stream.Stream.of(lean, waiting), 1)).isFalse();
    assertThat(RunQueue.admits(waiting, java.util.stream.Stream.of(lean, waiting), 2)).isTrue();
  }
}
