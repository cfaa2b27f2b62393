package io.modelops.operator.customjobrun;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which runs of a namespace may start: at most {@code maxCustomJobRuns} run at once; the others
 * wait as {@code queued} and start in creation order (name breaks ties) as slots free.
 */
public final class RunQueue {
  private RunQueue() {}

  /** What the queue needs of one unfinished run. */
  public record Candidate(String name, Instant created, boolean started) {}

  /** Names of the runs allowed to have a Job now: those already started, then the oldest. */
  public static Set<String> admitted(List<Candidate> unfinished, int maxRuns) {
    long running = unfinished.stream().filter(Candidate::started).count();
    long free = Math.max(0, maxRuns - running);
    Set<String> admitted = unfinished.stream().filter(Candidate::started)
        .map(Candidate::name).collect(Collectors.toSet());
    unfinished.stream()
        .filter(c -> !c.started())
        .sorted(Comparator.comparing(Candidate::created).thenComparing(Candidate::name))
        .limit(free)
        .forEach(c -> admitted.add(c.name()));
    return admitted;
  }
}
