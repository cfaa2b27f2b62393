package io.modelops.operator.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link PlanningBench} (from {@code make bench}, no cluster needed) with a short default: 1
 * fork, 10 warmup and 5 measurement iterations of 1 s, JMH's GC profiler for bytes allocated per
 * operation. Writes JMH's JSON to {@code target/bench/jmh-planning.json} and prints ns/op and B/op
 * per benchmark and the ratio plan / baseline.
 *
 * <p>Options: {@code --forks N} (1), {@code --warmup N} (10), {@code --iterations N} (5), {@code
 * --seconds S} (1, per iteration), {@code --gc true|false} (true), {@code --out FILE}, {@code
 * --include REGEX} (all of PlanningBench).
 */
public final class PlanningBenchMain {
  private PlanningBenchMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = BenchOptions.parse(args);
    int forks = Integer.parseInt(opts.getOrDefault("forks", "1"));
    int warmup = Integer.parseInt(opts.getOrDefault("warmup", "10"));
    int iterations = Integer.parseInt(opts.getOrDefault("iterations", "5"));
    int seconds = Integer.parseInt(opts.getOrDefault("seconds", "1"));
    boolean gc = Boolean.parseBoolean(opts.getOrDefault("gc", "true"));
    Path out = Path.of(opts.getOrDefault("out", "target/bench/jmh-planning.json"));
    Files.createDirectories(out.toAbsolutePath().getParent());

    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(opts.getOrDefault("include", PlanningBench.class.getName() + "\\."))
            .forks(forks)
            .warmupIterations(warmup)
            .warmupTime(TimeValue.seconds(seconds))
            .measurementIterations(iterations)
            .measurementTime(TimeValue.seconds(seconds))
            .threads(1)
            // The operator's own heap setting (make bench runs it with -Xmx512m), fixed size.
            .jvmArgs("-Xms512m", "-Xmx512m")
            .resultFormat(ResultFormatType.JSON)
            .result(out.toString());
    if (gc) {
      options.addProfiler("gc");
    }
    Collection<RunResult> results = new Runner(options.build()).run();

    Map<String, RunResult> byName = new LinkedHashMap<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      byName.put(name.substring(name.lastIndexOf('.') + 1), r);
    }
    System.out.printf(
        "%nPlanning one model (JMH, %d fork, %d x %d s warmup, %d x %d s"
            + " measurement, 99.9%% CI)%n",
        forks, warmup, seconds, iterations, seconds);
    System.out.printf("%-12s %20s %12s%n", "benchmark", "ns/op", "B/op");
    for (var e : byName.entrySet()) {
      Result<?> primary = e.getValue().getPrimaryResult();
      Result<?> alloc = e.getValue().getSecondaryResults().get("gc.alloc.rate.norm");
      System.out.printf(
          "%-12s %20s %12s%n",
          e.getKey(),
          String.format("%.0f ± %.0f", primary.getScore(), primary.getScoreError()),
          alloc == null ? "-" : String.format("%.0f", alloc.getScore()));
    }
    RunResult plan = byName.get("plan");
    RunResult baseline = byName.get("baseline");
    if (plan != null && baseline != null) {
      System.out.printf(
          "ratio plan / baseline: %.2f (ns/op)",
          plan.getPrimaryResult().getScore() / baseline.getPrimaryResult().getScore());
      Result<?> pa = plan.getSecondaryResults().get("gc.alloc.rate.norm");
      Result<?> ba = baseline.getSecondaryResults().get("gc.alloc.rate.norm");
      if (pa != null && ba != null) {
        System.out.printf(", %.2f (B/op)", pa.getScore() / ba.getScore());
      }
      System.out.println();
    }
    System.out.println("JMH JSON: " + out);
  }
}
