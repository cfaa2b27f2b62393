package io.modelops.operator.modeltest.tester;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelops.operator.api.v1alpha1.custommodeltest.CheckResult;
import io.modelops.operator.modeltest.TestReport;
import io.modelops.operator.modeltest.TesterContract;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tester's termination message: the report as JSON within {@link
 * TesterContract#MAX_TERMINATION_MESSAGE_BYTES} bytes of UTF-8. Statuses, times and performance
 * figures are always kept; when the whole report is too long, the longest messages are cut (marked
 * with "…") until it fits. After a bad plan the message is the reason as plain text.
 */
public final class TerminationMessage {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TerminationMessage() {}

  /** The report as JSON of at most {@code maxBytes} bytes (UTF-8). */
  public static String of(TestReport report, int maxBytes) {
    String json = json(report);
    int limit =
        report.checks().values().stream()
            .mapToInt(c -> c.getMessage() == null ? 0 : c.getMessage().length())
            .max()
            .orElse(0);
    while (bytes(json) > maxBytes && limit > 0) {
      limit = limit * 4 / 5;
      json = json(shortened(report, limit));
    }
    return json;
  }

  /** The report within Kubernetes' limit on termination messages. */
  public static String of(TestReport report) {
    return of(report, TesterContract.MAX_TERMINATION_MESSAGE_BYTES);
  }

  /** A bad plan's reason as the termination message, cut to the limit. */
  public static String reason(String reason) {
    String text = reason;
    int max = TesterContract.MAX_TERMINATION_MESSAGE_BYTES / 4;
    return bytes(text) <= TesterContract.MAX_TERMINATION_MESSAGE_BYTES
        ? text
        : Excerpt.of(text, max);
  }

  /** Writes the message; a file that cannot be written is reported to diagnostics only. */
  static void write(Path path, String message, PrintStream diagnostics) {
    try {
      Files.writeString(path, message, StandardCharsets.UTF_8);
    } catch (IOException e) {
      diagnostics.println(
          "modelops-tester: cannot write the termination message to " + path + ": " + e);
    }
  }

  private static TestReport shortened(TestReport report, int limit) {
    Map<String, CheckResult> checks = new LinkedHashMap<>();
    report
        .checks()
        .forEach(
            (name, c) -> {
              String m = c.getMessage() == null ? null : Excerpt.of(c.getMessage(), limit);
              checks.put(name, new CheckResult(c.getStatus(), m == null || m.isEmpty() ? null : m));
            });
    return new TestReport(
        report.overallStatus(),
        checks,
        report.startedAt(),
        report.finishedAt(),
        report.performance());
  }

  static String json(TestReport report) {
    try {
      return JSON.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a test report is always serializable", e);
    }
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
