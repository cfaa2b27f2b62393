package io.modelops.operator.customjobrun;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRunPhase;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRunStatus;
import io.modelops.operator.status.Conditions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A CustomJobRun's status from what this pass observed: phase, message and exit code from the
 * {@link RunProgress.Observation}; the Job and pod names (kept once known) and how to read the
 * logs; the start time once the run has a Job and left the queue, the completion time and duration
 * once it finished; Ready (succeeded) and Progressing (not finished) conditions.
 */
public final class RunStatusBuilder {
  private RunStatusBuilder() {}

  public static CustomJobRunStatus build(
      CustomJobRun run, RunProgress.Observation o, Optional<Job> job, Clock clock) {
    CustomJobRunStatus old = run.getStatus();
    CustomJobRunStatus status = new CustomJobRunStatus();
    status.setObservedGeneration(run.getMetadata().getGeneration());
    CustomJobRunPhase phase = o.phase();
    status.setPhase(phase);
    status.setMessage(o.message());
    o.exitCode().ifPresent(status::setExitCode);
    o.podName()
        .or(() -> Optional.ofNullable(old).map(CustomJobRunStatus::getPodName))
        .ifPresent(status::setPodName);
    job.map(j -> j.getMetadata().getName())
        .or(() -> Optional.ofNullable(old).map(CustomJobRunStatus::getJobName))
        .ifPresent(
            name -> {
              status.setJobName(name);
              status.setLogsCommand(
                  "kubectl logs -n "
                      + run.getMetadata().getNamespace()
                      + " job/"
                      + name
                      + " --all-containers");
            });
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    String start =
        old != null && old.getStartTime() != null
            ? old.getStartTime()
            : job.isPresent() && phase != CustomJobRunPhase.QUEUED ? now : null;
    status.setStartTime(start);
    if (o.phase().finished()) {
      status.setCompletionTime(now);
      if (start != null) {
        status.setDuration(Duration.between(Instant.parse(start), Instant.parse(now)).getSeconds());
      }
    }
    Conditions conditions = Conditions.after(old, run.getMetadata().getGeneration(), clock);
    conditions.set(Conditions.READY, phase == CustomJobRunPhase.SUCCEEDED, o.reason(), o.message());
    conditions.set(Conditions.PROGRESSING, !o.phase().finished(), o.reason(), o.message());
    status.setConditions(conditions.list());
    return status;
  }
}
