package io.modelops.operator.modeltest.tester;

import io.modelops.operator.api.v1alpha1.custommodeltest.CheckSetting;
import io.modelops.operator.modeltest.TestReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Optional (off unless the plan asks): latency and throughput of single-row prediction requests
 * (rows taken in turn from the dataset) sent by {@code parallelUsers} clients at once, {@code
 * requests} in all. The figures go to {@link TestReport#performance()}; requests the server did not
 * answer with 2xx make the check fail with the setting warn, never fail. Requests stop after {@link
 * #MAX_DURATION_SECONDS}.
 */
final class PerformanceCheck implements Check {
  static final String NAME = "performance";

  /** The longest a measurement runs; requests not sent by then are not sent. */
  static final int MAX_DURATION_SECONDS = 300;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckSetting setting(ResolvedPlan plan) {
    return plan.performance().isPresent() ? CheckSetting.WARN : CheckSetting.SKIP;
  }

  @Override
  public Verdict run(CheckContext context) throws DatasetException {
    ResolvedPlan.Load load = context.plan().performance().orElseThrow();
    Dataset dataset = context.dataset();
    context.progress(
        "performance: "
            + load.requests()
            + " single-row requests from "
            + load.parallelUsers()
            + " parallel clients");
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_DURATION_SECONDS);
    long t0 = System.nanoTime();
    ExecutorService clients = Executors.newFixedThreadPool(load.parallelUsers());
    try {
      for (int u = 0; u < load.parallelUsers(); u++) {
        clients.execute(
            () -> {
              int k;
              while ((k = next.getAndIncrement()) < load.requests()
                  && System.nanoTime() < deadline) {
                int row = dataset.size() == 0 ? 0 : k % dataset.size();
                ServerAnswer answer =
                    context
                        .server()
                        .predict(dataset.size() == 0 ? Map.of() : dataset.features(row, row + 1));
                latencies.add(answer.elapsed().toNanos());
                if (!answer.ok()) {
                  errors.incrementAndGet();
                  firstError.compareAndSet(null, answer.describe());
                }
              }
            });
      }
      clients.shutdown();
      if (!clients.awaitTermination(MAX_DURATION_SECONDS + 60L, TimeUnit.SECONDS)) {
        clients.shutdownNow();
      }
    } catch (InterruptedException e) {
      clients.shutdownNow();
      Thread.currentThread().interrupt();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<Long> sorted;
    synchronized (latencies) {
      sorted = new ArrayList<>(latencies);
    }
    Collections.sort(sorted);
    TestReport.PerformanceFigures figures =
        new TestReport.PerformanceFigures(
            load.parallelUsers(),
            sorted.size(),
            errors.get(),
            millis(percentile(sorted, 0.50)),
            millis(percentile(sorted, 0.95)),
            millis(sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1)),
            Math.round(sorted.size() / Math.max(seconds, 1e-9) * 10) / 10.0);
    context.performance(figures);
    String summary =
        String.format(
            Locale.ROOT,
            "%d single-row requests from %d parallel clients: p50 %.1f ms, p95 %.1f ms, max %.1f"
                + " ms, %.1f requests/s",
            figures.requests(),
            figures.parallelUsers(),
            figures.p50Millis(),
            figures.p95Millis(),
            figures.maxMillis(),
            figures.requestsPerSecond());
    if (errors.get() > 0) {
      return Verdict.failed(
          summary
              + "; "
              + errors.get()
              + " requests failed, the first because the server "
              + firstError.get()
              + ".");
    }
    if (sorted.size() < load.requests()) {
      return Verdict.failed(
          summary
              + "; only "
              + sorted.size()
              + " of "
              + load.requests()
              + " requests were sent within "
              + MAX_DURATION_SECONDS
              + " s.");
    }
    return Verdict.passed(summary + ".");
  }

  /** Nearest-rank percentile of sorted values. */
  static long percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 1e5) / 10.0;
  }
}
