package io.modelops.operator.custommodeltest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelops.operator.api.v1alpha1.custommodeltest.CheckResult;
import io.modelops.operator.api.v1alpha1.custommodeltest.CheckResults;
import io.modelops.operator.api.v1alpha1.custommodeltest.TestingStatus;
import io.modelops.operator.modeltest.TestReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the tester's report from its termination message and turns it into status: the overall
 * status, each check's result by name, and one line saying what decided the outcome. A message that
 * is not a report (the tester died before writing one, and the kubelet kept its log tail) is no
 * report: the reconciler then says so, without copying that text.
 */
final class TestResults {
  private static final Logger LOG = LoggerFactory.getLogger(TestResults.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** Check names in the order the status lists them. */
  static final List<String> CHECKS =
      List.of(
          "errorCheck",
          "longRunningService",
          "nullValueImputation",
          "sideEffects",
          "expectedPredictions",
          "performance");

  private TestResults() {}

  /** The report in {@code message}, if it holds one with an overall status. */
  static Optional<TestReport> parse(String message) {
    if (message == null || !message.stripLeading().startsWith("{")) {
      return Optional.empty();
    }
    try {
      TestReport report = JSON.readValue(message, TestReport.class);
      return Optional.ofNullable(report).filter(r -> r.overallStatus() != null);
    } catch (IOException e) {
      LOG.debug("termination message is not a test report: {}", e.getMessage());
      return Optional.empty();
    }
  }

  /** The report's overall status; anything but an end state counts as aborted. */
  static TestingStatus overall(TestReport report) {
    TestingStatus status = report.overallStatus();
    return status.isFinal() ? status : TestingStatus.ABORTED;
  }

  /** The report's checks as status. */
  static CheckResults checks(TestReport report) {
    Map<String, CheckResult> checks = report.checks() == null ? Map.of() : report.checks();
    CheckResults results = new CheckResults();
    results.setErrorCheck(checks.get("errorCheck"));
    results.setLongRunningService(checks.get("longRunningService"));
    results.setNullValueImputation(checks.get("nullValueImputation"));
    results.setSideEffects(checks.get("sideEffects"));
    results.setExpectedPredictions(checks.get("expectedPredictions"));
    results.setPerformance(checks.get("performance"));
    return results;
  }

  /**
   * One line: the overall status, then the checks that decided it (failed, aborted or warning) with
   * their messages, or every check's status when all passed.
   */
  static String summary(TestReport report) {
    Map<String, CheckResult> checks = report.checks() == null ? Map.of() : report.checks();
    List<String> decisive = new ArrayList<>();
    List<String> aborted = new ArrayList<>();
    List<String> all = new ArrayList<>();
    for (String name : CHECKS) {
      CheckResult r = checks.get(name);
      if (r == null || r.getStatus() == null) {
        continue;
      }
      String status = wire(r.getStatus());
      String described =
          name + " " + status + (r.getMessage() == null ? "" : ": " + r.getMessage());
      all.add(name + " " + status);
      if (r.getStatus() == TestingStatus.FAILED || r.getStatus() == TestingStatus.WARNING) {
        decisive.add(described);
      } else if (r.getStatus() == TestingStatus.ABORTED) {
        aborted.add(described);
      }
    }
    if (decisive.isEmpty()) {
      decisive = aborted.isEmpty() ? all : aborted.subList(0, 1);
    }
    String overall = wire(overall(report));
    return overall + ": " + String.join("; ", decisive);
  }

  static String wire(TestingStatus status) {
    return JSON.convertValue(status, String.class);
  }
}
