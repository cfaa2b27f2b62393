package io.modelops.operator.customjob;

import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjob.CustomJobStatus;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.status.Conditions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A CustomJob's status from what this pass decided and the runs it sees: configVersion counts spec
 * changes (generations), the schedule's bookkeeping comes from the decision (or carries over when
 * there was none), activeRuns and lastRun from the runs.
 */
public final class JobStatusBuilder {
  private JobStatusBuilder() {}

  public static CustomJobStatus build(
      CustomJob job,
      Optional<ScheduleDecision> decision,
      List<CustomJobRun> runs,
      Conditions conditions) {
    CustomJobStatus old = job.getStatus();
    Long generation = job.getMetadata().getGeneration();
    CustomJobStatus status = new CustomJobStatus();
    status.setObservedGeneration(generation);
    status.setConfigVersion(
        old == null || old.getConfigVersion() == null
            ? 1
            : old.getConfigVersion() + (generation.equals(old.getObservedGeneration()) ? 0 : 1));
    status.setMissedSchedules(
        decision
            .map(ScheduleDecision::missedSchedules)
            .orElse(
                old == null || old.getMissedSchedules() == null ? 0L : old.getMissedSchedules()));
    status.setLastScheduleTime(
        decision
            .map(d -> d.lastScheduleTime().map(Instant::toString).orElse(null))
            .orElse(old == null ? null : old.getLastScheduleTime()));
    decision
        .flatMap(ScheduleDecision::next)
        .ifPresent(t -> status.setNextScheduleTime(t.toString()));
    status.setActiveRuns((int) runs.stream().filter(JobRuns::active).count());
    JobRuns.newest(runs).ifPresent(status::setLastRun);
    status.setConditions(conditions.list());
    return status;
  }
}
