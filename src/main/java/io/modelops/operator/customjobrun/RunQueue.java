package io.modelops.operator.customjobrun;

import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.status.Conditions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which runs of a namespace may start: at most {@code maxCustomJobRuns} run at once; the others
 * wait as {@code queued} and start in creation order (name breaks ties) as slots free. A queued run
 * is woken when a run of its namespace stops competing (finishes, is canceled or deleted), not by
 * polling.
 */
public final class RunQueue {
  private static final Logger LOG = LoggerFactory.getLogger(RunQueue.class);

  private RunQueue() {}

  /** What the queue needs of one unfinished run. */
  public record Candidate(String name, Instant created, boolean started) {}

  /**
   * Whether {@code run} holds, or may take, one of its namespace's run slots, among {@code runs}
   * (any namespace; canceled and finished runs hold none).
   */
  public static boolean admits(CustomJobRun run, Stream<CustomJobRun> runs, int maxRuns) {
    String name = run.getMetadata().getName();
    var candidates =
        runs.filter(r -> run.getMetadata().getNamespace().equals(r.getMetadata().getNamespace()))
            // The run asking is valid now, whatever its last status said.
            .filter(r -> name.equals(r.getMetadata().getName()) || competes(r))
            .map(
                r ->
                    new Candidate(
                        r.getMetadata().getName(),
                        Instant.parse(r.getMetadata().getCreationTimestamp()),
                        r.getStatus() != null && r.getStatus().getJobName() != null))
            .toList();
    Set<String> admitted = admitted(candidates, maxRuns);
    LOG.debug(
        "{}/{}: run slots {} among {}",
        run.getMetadata().getNamespace(),
        run.getMetadata().getName(),
        admitted,
        candidates);
    return admitted.contains(run.getMetadata().getName());
  }

  /**
   * Whether a run counts in its namespace's queue: neither canceled nor finished, and not waiting
   * for an object that does not exist yet (such a run would hold a slot it cannot use, ahead of
   * younger runs that could).
   */
  public static boolean competes(CustomJobRun run) {
    return !Boolean.TRUE.equals(run.getSpec().getCancel())
        && (run.getStatus() == null
            || run.getStatus().getPhase() == null
            || !run.getStatus().getPhase().finished())
        && !waitsForAnObject(run);
  }

  private static boolean waitsForAnObject(CustomJobRun run) {
    return run.getStatus() != null
        && run.getStatus().getJobName() == null
        && Conditions.find(run.getStatus(), Conditions.PROGRESSING)
            .map(c -> CustomJobRunValidator.mayStillCome(c.getReason()))
            .orElse(false);
  }

  /** Whether a run waits for a slot: it counts in the queue and has no Job yet. */
  public static boolean waiting(CustomJobRun run) {
    return competes(run) && (run.getStatus() == null || run.getStatus().getJobName() == null);
  }

  /** Names of the runs allowed to have a Job now: those already started, then the oldest. */
  public static Set<String> admitted(List<Candidate> unfinished, int maxRuns) {
    long running = unfinished.stream().filter(Candidate::started).count();
    long free = Math.max(0, maxRuns - running);
    Set<String> admitted =
        unfinished.stream()
            .filter(Candidate::started)
            .map(Candidate::name)
            .collect(Collectors.toSet());
    unfinished.stream()
        .filter(c -> !c.started())
        .sorted(Comparator.comparing(Candidate::created).thenComparing(Candidate::name))
        .limit(free)
        .forEach(c -> admitted.add(c.name()));
    return admitted;
  }
}
