package io.modelops.operator.customjob;

import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjob.RunSummary;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRunPhase;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the scheduler reads from a job's runs: which are active, which it created, which finished
 * runs its history limits let go, and a summary of the newest.
 */
public final class JobRuns {
  static final int DEFAULT_SUCCEEDED_HISTORY = 3;
  static final int DEFAULT_FAILED_HISTORY = 1;

  private JobRuns() {}

  /** A run still queued, running or being canceled (a new run not yet seen counts too). */
  public static boolean active(CustomJobRun run) {
    if (run.getStatus() == null || run.getStatus().getPhase() == null) {
      return !Boolean.TRUE.equals(run.getSpec().getCancel());
    }
    return switch (run.getStatus().getPhase()) {
      case QUEUED, RUNNING, CANCELING -> true;
      default -> false;
    };
  }

  /** A run this job controls (the scheduler created it); manual runs are not. */
  public static boolean ownedBy(CustomJobRun run, CustomJob job) {
    return run.getMetadata().getOwnerReferences() != null
        && run.getMetadata().getOwnerReferences().stream()
            .anyMatch(o -> job.getMetadata().getUid().equals(o.getUid()));
  }

  /** Names of the finished runs the job created beyond its history limits. */
  public static Set<String> beyondHistory(CustomJob job, List<CustomJobRun> runs) {
    var finished =
        runs.stream()
            .filter(
                r ->
                    ownedBy(r, job)
                        && r.getStatus() != null
                        && r.getStatus().getPhase() != null
                        && !active(r)
                        && r.getStatus().getCompletionTime() != null)
            .map(
                r ->
                    new RunHistory.Finished(
                        r.getMetadata().getName(),
                        Instant.parse(r.getStatus().getCompletionTime()),
                        r.getStatus().getPhase() == CustomJobRunPhase.SUCCEEDED))
            .toList();
    int keepSucceeded =
        Optional.ofNullable(job.getSpec().getSuccessfulRunsHistoryLimit())
            .orElse(DEFAULT_SUCCEEDED_HISTORY);
    int keepFailed =
        Optional.ofNullable(job.getSpec().getFailedRunsHistoryLimit())
            .orElse(DEFAULT_FAILED_HISTORY);
    return Set.copyOf(RunHistory.toDelete(finished, keepSucceeded, keepFailed));
  }

  /** The newest run, summarized for the job's status. */
  public static Optional<RunSummary> newest(List<CustomJobRun> runs) {
    return runs.stream()
        .max(Comparator.comparing(r -> r.getMetadata().getCreationTimestamp()))
        .map(JobRuns::summary);
  }

  private static RunSummary summary(CustomJobRun run) {
    RunSummary s = new RunSummary();
    s.setName(run.getMetadata().getName());
    if (run.getStatus() != null) {
      s.setPhase(run.getStatus().getPhase());
      s.setStartTime(run.getStatus().getStartTime());
      s.setCompletionTime(run.getStatus().getCompletionTime());
    }
    return s;
  }
}
