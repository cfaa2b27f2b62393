package io.modelops.operator.modeltest.tester;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelops.operator.api.v1alpha1.custommodeltest.CheckResult;
import io.modelops.operator.api.v1alpha1.custommodeltest.TestingStatus;
import io.modelops.operator.modeltest.TestReport;
import io.modelops.operator.modeltest.TesterContract;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One run of the tester in this JVM, through {@link ModelTester#run}: its exit code, output, the
 * report of its log line and its termination message.
 */
record TesterRun(int exitCode, String out, String err, String terminationMessage) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static TesterRun of(PlanBuilder plan) {
    return withPlan(plan.json());
  }

  static TesterRun withPlan(String planJson) {
    try {
      Path termination = Files.createTempFile("termination", ".log");
      try {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env =
            planJson == null
                ? Map.of(TesterContract.TERMINATION_MESSAGE_PATH_ENV, termination.toString())
                : Map.of(
                    TesterContract.PLAN_ENV,
                    planJson,
                    TesterContract.TERMINATION_MESSAGE_PATH_ENV,
                    termination.toString());
        int code =
            ModelTester.run(
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new TesterRun(
            code,
            out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8),
            Files.readString(termination, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(termination);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The whole report from the log line, checked against the termination message. */
  TestReport report() {
    assertThat(exitCode).as("exit code; output:%n%s", out).isEqualTo(TesterContract.EXIT_TESTED);
    String line =
        out.lines()
            .filter(l -> l.startsWith(TesterContract.REPORT_LOG_PREFIX))
            .reduce(
                (a, b) -> {
                  throw new AssertionError("more than one report line");
                })
            .orElseThrow(() -> new AssertionError("no report line in:\n" + out));
    try {
      TestReport report =
          JSON.readValue(
              line.substring(TesterContract.REPORT_LOG_PREFIX.length()), TestReport.class);
      TestReport bounded = JSON.readValue(terminationMessage, TestReport.class);
      assertThat(bounded.overallStatus()).isEqualTo(report.overallStatus());
      assertThat(bounded.checks().keySet()).containsExactlyElementsOf(report.checks().keySet());
      return report;
    } catch (IOException e) {
      throw new AssertionError("report is not JSON", e);
    }
  }

  CheckResult check(String name) {
    CheckResult result = report().checks().get(name);
    assertThat(result).as("check %s in %s", name, out).isNotNull();
    return result;
  }

  TestingStatus status(String name) {
    return check(name).getStatus();
  }
}
