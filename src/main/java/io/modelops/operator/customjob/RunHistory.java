package io.modelops.operator.customjob;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which of a job's finished, operator-created runs to delete: all but the newest {@code
 * successfulRunsHistoryLimit} succeeded runs and the newest {@code failedRunsHistoryLimit} failed
 * ones (failed, interrupted and canceled), as CronJob keeps its Jobs.
 */
public final class RunHistory {
  private RunHistory() {}

  /** A finished run. */
  public record Finished(String name, Instant finished, boolean succeeded) {}

  public static List<String> toDelete(List<Finished> runs, int keepSucceeded, int keepFailed) {
    List<String> delete = new ArrayList<>();
    delete.addAll(excess(runs.stream().filter(Finished::succeeded).toList(), keepSucceeded));
    delete.addAll(excess(runs.stream().filter(r -> !r.succeeded()).toList(), keepFailed));
    return delete;
  }

  private static List<String> excess(List<Finished> runs, int keep) {
    return runs.stream()
        .sorted(Comparator.comparing(Finished::finished).reversed().thenComparing(Finished::name))
        .skip(keep)
        .map(Finished::name)
        .toList();
  }
}
