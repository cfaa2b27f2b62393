package io.modelops.operator.customjob;

import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjob.CustomJobStatus;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import io.modelops.operator.status.WarningEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A job's Ready condition and, for a scheduled job, what its schedule asks for now: a refused job
 * is not Ready (one Warning event per new reason), a job without a schedule is Ready for manual
 * runs, a scheduled job is Ready with the decision of {@link ScheduleDecision}.
 */
final class JobReadiness {
  private JobReadiness() {}

  static Optional<ScheduleDecision> decide(
      CustomJob job,
      CustomJobValidator.Result validation,
      List<CustomJobRun> runs,
      Conditions conditions,
      WarningEvents events,
      Clock clock) {
    CustomJobStatus old = job.getStatus();
    if (!validation.valid()) {
      Problem problem = validation.summary();
      conditions.set(Conditions.READY, false, problem.reason(), problem.message());
      if (Conditions.find(old, Conditions.READY)
          .map(
              c -> c.getStatus() == ConditionStatus.TRUE || !problem.reason().equals(c.getReason()))
          .orElse(true)) {
        events.warn(job, "Schedule", problem);
      }
      return Optional.empty();
    }
    if (validation.schedule().isEmpty()) {
      conditions.set(
          Conditions.READY,
          true,
          Reasons.MANUAL,
          "no schedule: create CustomJobRuns to run this job");
      return Optional.empty();
    }
    ScheduleDecision decision =
        ScheduleDecision.decide(
            validation.schedule().get(),
            job.getSpec().getSchedule(),
            Optional.ofNullable(old).map(CustomJobStatus::getLastScheduleTime).map(Instant::parse),
            Optional.ofNullable(old).map(CustomJobStatus::getMissedSchedules).orElse(0L),
            Instant.parse(job.getMetadata().getCreationTimestamp()),
            clock.instant(),
            runs.stream().anyMatch(JobRuns::active));
    conditions.set(Conditions.READY, true, decision.reason(), decision.message());
    return Optional.of(decision);
  }
}
