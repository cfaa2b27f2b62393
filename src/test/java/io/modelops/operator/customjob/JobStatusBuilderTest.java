package io.modelops.operator.customjob;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjob.CustomJobStatus;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRunPhase;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRunStatus;
import io.modelops.operator.status.Conditions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobStatusBuilderTest {
  static final Clock CLOCK = Clock.systemUTC();

  static CustomJob job(long generation, CustomJobStatus old) {
    CustomJob job = ScheduledRunTest.job();
    job.getMetadata().setGeneration(generation);
    job.setStatus(old);
    return job;
  }

  static CustomJobStatus old(long observedGeneration) {
    CustomJobStatus old = new CustomJobStatus();
    old.setObservedGeneration(observedGeneration);
    old.setConfigVersion(4L);
    old.setMissedSchedules(3L);
    old.setLastScheduleTime("2030-01-01T02:00:00Z");
    return old;
  }

  static CustomJobRun run(String name, String created, CustomJobRunPhase phase) {
    CustomJobRun run =
        Serialization.unmarshal(
            """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJobRun
        metadata: {name: %s, namespace: team-a, creationTimestamp: "%s"}
        spec: {customJobRef: {name: nightly}}
        """
                .formatted(name, created),
            CustomJobRun.class);
    run.setStatus(new CustomJobRunStatus());
    run.getStatus().setPhase(phase);
    return run;
  }

  static Conditions conditions(CustomJob job) {
    return Conditions.after(job.getStatus(), job.getMetadata().getGeneration(), CLOCK);
  }

  @Test
  void configVersionCountsSpecChangesOnly() {
    CustomJob same = job(7, old(7));
    CustomJob changed = job(8, old(7));
    CustomJob fresh = job(1, null);
    assertThat(
            JobStatusBuilder.build(same, Optional.empty(), List.of(), conditions(same))
                .getConfigVersion())
        .isEqualTo(4L);
    assertThat(
            JobStatusBuilder.build(changed, Optional.empty(), List.of(), conditions(changed))
                .getConfigVersion())
        .isEqualTo(5L);
    assertThat(
            JobStatusBuilder.build(fresh, Optional.empty(), List.of(), conditions(fresh))
                .getConfigVersion())
        .isEqualTo(1L);
  }

  @Test
  void withoutDecisionTheScheduleBookkeepingCarriesOverAndThereIsNoNextTime() {
    CustomJob job = job(7, old(7));
    var status = JobStatusBuilder.build(job, Optional.empty(), List.of(), conditions(job));
    assertThat(status.getLastScheduleTime()).isEqualTo("2030-01-01T02:00:00Z");
    assertThat(status.getMissedSchedules()).isEqualTo(3L);
    assertThat(status.getNextScheduleTime()).isNull();
  }

  @Test
  void aDecisionSetsTheScheduleBookkeepingAndRunsGiveActiveAndLast() {
    CustomJob job = job(7, old(7));
    var decision =
        new ScheduleDecision(
            ScheduleDecision.Action.START,
            Optional.of(Instant.parse("2030-01-01T03:00:00Z")),
            Optional.of(Instant.parse("2030-01-01T03:00:00Z")),
            5,
            Optional.of(Instant.parse("2030-01-01T04:00:00Z")),
            Optional.of(Duration.ofMinutes(59)),
            "Scheduled",
            "next");
    var status =
        JobStatusBuilder.build(
            job,
            Optional.of(decision),
            List.of(
                run("nightly-1", "2030-01-01T01:00:00Z", CustomJobRunPhase.SUCCEEDED),
                run("nightly-2", "2030-01-01T02:00:00Z", CustomJobRunPhase.RUNNING),
                run("nightly-3", "2030-01-01T03:00:00Z", CustomJobRunPhase.QUEUED)),
            conditions(job));
    assertThat(status.getLastScheduleTime()).isEqualTo("2030-01-01T03:00:00Z");
    assertThat(status.getMissedSchedules()).isEqualTo(5L);
    assertThat(status.getNextScheduleTime()).isEqualTo("2030-01-01T04:00:00Z");
    assertThat(status.getActiveRuns()).isEqualTo(2);
    assertThat(status.getLastRun().getName()).isEqualTo("nightly-3");
    assertThat(status.getLastRun().getPhase()).isEqualTo(CustomJobRunPhase.QUEUED);
  }
}
