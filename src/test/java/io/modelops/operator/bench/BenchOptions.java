package io.modelops.operator.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * The benchmarks' command line, {@code --name value} pairs (dev/scripts/bench.sh passes them on).
 */
final class BenchOptions {
  private BenchOptions() {}

  static Map<String, String> parse(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return opts;
  }
}
