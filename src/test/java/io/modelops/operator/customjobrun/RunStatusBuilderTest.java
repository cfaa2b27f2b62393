package io.modelops.operator.customjobrun;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
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

class RunStatusBuilderTest {
  static final Instant NOW = Instant.parse("2030-01-01T03:00:30Z");
  static final Clock CLOCK = Clock.fixed(NOW.plusMillis(400), ZoneOffset.UTC);
  static final Optional<Job> JOB =
      Optional.of(new JobBuilder().withNewMetadata().withName("metrics-1").endMetadata().build());

  static CustomJobRun run(CustomJobRunStatus old) {
    CustomJobRun run = RunFixtures.run();
    run.getMetadata().setGeneration(2L);
    run.setStatus(old);
    return run;
  }

  static Observation observation(CustomJobRunPhase phase, String reason) {
    return new Observation(
        phase, reason, reason + " message", Optional.empty(), Optional.empty(), false);
  }

  @Test
  void aQueuedRunHasNoJobNoStartAndIsProgressing() {
    var status = RunStatusBuilder.build(run(null), RunProgress.queued(2), Optional.empty(), CLOCK);
    assertThat(status.getPhase()).isEqualTo(CustomJobRunPhase.QUEUED);
    assertThat(status.getObservedGeneration()).isEqualTo(2L);
    assertThat(status.getJobName()).isNull();
    assertThat(status.getStartTime()).isNull();
    assertThat(Conditions.find(status, Conditions.PROGRESSING).orElseThrow().getStatus())
        .isEqualTo(ConditionStatus.TRUE);
    assertThat(Conditions.find(status, Conditions.READY).orElseThrow().getReason())
        .isEqualTo("Queued");
  }

  @Test
  void aStartedRunNamesItsJobAndHowToReadItsLogs() {
    var status =
        RunStatusBuilder.build(
            run(null), observation(CustomJobRunPhase.RUNNING, "Running"), JOB, CLOCK);
    assertThat(status.getJobName()).isEqualTo("metrics-1");
    assertThat(status.getLogsCommand())
        .isEqualTo("kubectl logs -n team-a job/metrics-1 --all-containers");
    assertThat(status.getStartTime()).isEqualTo(NOW.toString());
    assertThat(status.getCompletionTime()).isNull();
  }

  @Test
  void aFinishedRunKeepsItsStartAndGetsCompletionAndDuration() {
    CustomJobRunStatus old = new CustomJobRunStatus();
    old.setPhase(CustomJobRunPhase.RUNNING);
    old.setStartTime("2030-01-01T03:00:00Z");
    old.setJobName("metrics-1");
    old.setPodName("metrics-1-abcde");
    var status =
        RunStatusBuilder.build(
            run(old),
            new Observation(
                CustomJobRunPhase.SUCCEEDED,
                "Succeeded",
                "the run completed",
                Optional.of(0),
                Optional.empty(),
                false),
            Optional.empty(),
            CLOCK);
    assertThat(status.getPhase()).isEqualTo(CustomJobRunPhase.SUCCEEDED);
    assertThat(status.getStartTime()).isEqualTo("2030-01-01T03:00:00Z");
    assertThat(status.getCompletionTime()).isEqualTo(NOW.toString());
    assertThat(status.getDuration()).isEqualTo(30L);
    assertThat(status.getExitCode()).isZero();
    // Names once known are kept after the Job is gone.
    assertThat(status.getJobName()).isEqualTo("metrics-1");
    assertThat(status.getPodName()).isEqualTo("metrics-1-abcde");
    assertThat(Conditions.isTrue(status, Conditions.READY)).isTrue();
    assertThat(Conditions.find(status, Conditions.PROGRESSING).orElseThrow().getStatus())
        .isEqualTo(ConditionStatus.FALSE);
  }

  @Test
  void aRefusedRunFailsWithTheProblemsReasonAndNoStart() {
    var status =
        RunStatusBuilder.build(
            run(null),
            RunProgress.refused(
                io.modelops.operator.status.Problem.of(
                    "SecretNotFound",
                    "runtime parameter TOKEN"
                        + " secretRef: Secret \"nope\" does not exist in namespace team-a")),
            Optional.empty(),
            CLOCK);
    assertThat(status.getPhase()).isEqualTo(CustomJobRunPhase.FAILED);
    assertThat(status.getMessage()).startsWith("runtime parameter TOKEN");
    assertThat(status.getStartTime()).isNull();
    assertThat(status.getCompletionTime()).isEqualTo(NOW.toString());
    assertThat(status.getDuration()).isNull();
    assertThat(Conditions.find(status, Conditions.READY).orElseThrow().getReason())
        .isEqualTo("SecretNotFound");
  }
}
