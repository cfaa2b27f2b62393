package io.modelops.operator.customjobrun;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelops.operator.api.v1alpha1.common.Condition;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRunPhase;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRunStatus;
import io.modelops.operator.customjobrun.RunProgress.Observation;
import io.modelops.operator.status.Conditions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FinishedRunTest {
  static final Instant FINISHED = Instant.parse("2030-01-01T03:00:30Z");
  static final Clock LATER = Clock.fixed(FINISHED.plusSeconds(600), ZoneOffset.UTC);

  /** A run that finished in {@code phase} at generation 1, then got a spec change. */
  static CustomJobRun finished(CustomJobRunPhase phase, String reason, Boolean cancel) {
    CustomJobRun run = RunFixtures.run();
    run.getMetadata().setGeneration(1L);
    run.setStatus(
        RunStatusBuilder.build(
            run,
            new Observation(
                phase, reason, "the run ended", Optional.of(0), Optional.empty(), false),
            Optional.empty(),
            Clock.fixed(FINISHED, ZoneOffset.UTC)));
    run.getMetadata().setGeneration(2L);
    run.getSpec().setCancel(cancel);
    return run;
  }

  @Test
  void aCancelAfterTheRunSucceededIsObservedWithoutChangingTheOutcome() {
    CustomJobRun run = finished(CustomJobRunPhase.SUCCEEDED, "Succeeded", true);
    CustomJobRunStatus old = run.getStatus();

    CustomJobRunStatus status = FinishedRun.observe(run, LATER);

    assertThat(status.getObservedGeneration()).isEqualTo(2L);
    assertThat(status.getPhase()).isEqualTo(CustomJobRunPhase.SUCCEEDED);
    assertThat(status.getMessage()).isEqualTo("the run ended");
    assertThat(status.getCompletionTime()).isEqualTo(old.getCompletionTime());
    assertThat(status.getExitCode()).isZero();
    Condition ready = Conditions.find(status, Conditions.READY).orElseThrow();
    assertThat(ready.getStatus()).isEqualTo(ConditionStatus.TRUE);
    assertThat(ready.getReason()).isEqualTo("Succeeded");
    assertThat(ready.getObservedGeneration()).isEqualTo(2L);
    assertThat(ready.getLastTransitionTime()).isEqualTo(FINISHED.toString());
    Condition progressing = Conditions.find(status, Conditions.PROGRESSING).orElseThrow();
    assertThat(progressing.getStatus()).isEqualTo(ConditionStatus.FALSE);
    assertThat(progressing.getReason()).isEqualTo("Succeeded");
    assertThat(progressing.getMessage())
        .isEqualTo("spec.cancel has no effect: the run had already succeeded when it was set");
    assertThat(progressing.getLastTransitionTime()).isEqualTo(FINISHED.toString());
    // The old status object is left as it was (it is the informer's cached copy).
    assertThat(old.getObservedGeneration()).isEqualTo(1L);
  }

  @Test
  void aLateCancelNamesHowTheRunEnded() {
    assertThat(
            Conditions.find(
                    FinishedRun.observe(finished(CustomJobRunPhase.FAILED, "Failed", true), LATER),
                    Conditions.PROGRESSING)
                .orElseThrow()
                .getMessage())
        .isEqualTo("spec.cancel has no effect: the run had already failed when it was set");
    assertThat(
            Conditions.find(
                    FinishedRun.observe(
                        finished(CustomJobRunPhase.INTERRUPTED, "Evicted", true), LATER),
                    Conditions.PROGRESSING)
                .orElseThrow()
                .getMessage())
        .isEqualTo(
            "spec.cancel has no effect: the run had already been interrupted when it was set");
  }

  @Test
  void aCanceledRunOrAnotherChangeKeepsItsMessages() {
    CustomJobRunStatus canceled =
        FinishedRun.observe(finished(CustomJobRunPhase.CANCELED, "Canceled", true), LATER);
    assertThat(Conditions.find(canceled, Conditions.PROGRESSING).orElseThrow().getMessage())
        .isEqualTo("the run ended");
    CustomJobRunStatus cancelFalse =
        FinishedRun.observe(finished(CustomJobRunPhase.SUCCEEDED, "Succeeded", false), LATER);
    assertThat(cancelFalse.getObservedGeneration()).isEqualTo(2L);
    assertThat(Conditions.find(cancelFalse, Conditions.PROGRESSING).orElseThrow().getMessage())
        .isEqualTo("the run ended");
  }

  @Test
  void anObservedFinishedRunNeedsNoFurtherWrite() {
    CustomJobRun run = finished(CustomJobRunPhase.SUCCEEDED, "Succeeded", true);
    run.setStatus(FinishedRun.observe(run, LATER));
    assertThat(Conditions.differ(run.getStatus(), FinishedRun.observe(run, LATER))).isFalse();
    assertThat(FinishedRun.is(run.getStatus())).isTrue();
    assertThat(FinishedRun.is(null)).isFalse();
  }
}
