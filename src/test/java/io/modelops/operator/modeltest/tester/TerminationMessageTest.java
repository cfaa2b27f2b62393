package io.modelops.operator.modeltest.tester;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelops.operator.api.v1alpha1.custommodeltest.CheckResult;
import io.modelops.operator.api.v1alpha1.custommodeltest.TestingStatus;
import io.modelops.operator.modeltest.TestReport;
import io.modelops.operator.modeltest.TesterContract;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminationMessageTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static TestReport report(int messageLength) {
    Map<String, CheckResult> checks = new LinkedHashMap<>();
    String[] names = {
      "longRunningService",
      "errorCheck",
      "nullValueImputation",
      "sideEffects",
      "expectedPredictions",
      "performance"
    };
    TestingStatus[] statuses = {
      TestingStatus.SUCCEEDED,
      TestingStatus.FAILED,
      TestingStatus.WARNING,
      TestingStatus.SKIPPED,
      TestingStatus.FAILED,
      TestingStatus.SUCCEEDED
    };
    for (int i = 0; i < names.length; i++) {
      // Multi-byte characters: the limit is in bytes, not characters.
      checks.put(
          names[i],
          new CheckResult(
              statuses[i], "Zeile " + i + " ü€ " + "x".repeat(Math.max(0, messageLength - 12))));
    }
    checks.put("sideEffects", new CheckResult(TestingStatus.SKIPPED, "Skipped."));
    return new TestReport(
        TestingStatus.FAILED,
        checks,
        "2026-01-01T00:00:00Z",
        "2026-01-01T00:01:00Z",
        new TestReport.PerformanceFigures(4, 100, 0, 1.5, 2.5, 3.5, 250.0));
  }

  @Test
  void smallReportIsTheWholeReport() throws Exception {
    TestReport report = report(40);
    String message = TerminationMessage.of(report);
    assertThat(message).isEqualTo(TerminationMessage.json(report));
  }

  @Test
  void largeReportIsCutToTheLimitKeepingEveryStatusAndFigure() throws Exception {
    TestReport report = report(5_000);
    assertThat(TerminationMessage.json(report).getBytes(StandardCharsets.UTF_8).length)
        .isGreaterThan(TesterContract.MAX_TERMINATION_MESSAGE_BYTES);

    String message = TerminationMessage.of(report);

    assertThat(message.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(TesterContract.MAX_TERMINATION_MESSAGE_BYTES)
        // Cut no more than needed.
        .isGreaterThan(TesterContract.MAX_TERMINATION_MESSAGE_BYTES * 3 / 4);
    TestReport bounded = JSON.readValue(message, TestReport.class);
    assertThat(bounded.overallStatus()).isEqualTo(TestingStatus.FAILED);
    assertThat(bounded.checks().keySet()).containsExactlyElementsOf(report.checks().keySet());
    report
        .checks()
        .forEach(
            (name, check) -> {
              CheckResult cut = bounded.checks().get(name);
              assertThat(cut.getStatus()).as(name).isEqualTo(check.getStatus());
              if (check.getMessage().length() > 100) {
                assertThat(cut.getMessage()).startsWith("Zeile").contains("ü€").endsWith("…");
              } else {
                assertThat(cut.getMessage()).isEqualTo(check.getMessage());
              }
            });
    assertThat(bounded.performance()).isEqualTo(report.performance());
    assertThat(bounded.startedAt()).isEqualTo(report.startedAt());
  }

  @Test
  void tinyLimitDropsMessagesButKeepsStatuses() throws Exception {
    TestReport report = report(300);
    String message = TerminationMessage.of(report, 700);

    assertThat(message.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(700);
    TestReport bounded = JSON.readValue(message, TestReport.class);
    report
        .checks()
        .forEach(
            (name, c) ->
                assertThat(bounded.checks().get(name).getStatus()).isEqualTo(c.getStatus()));
  }

  @Test
  void badPlanReasonIsPlainTextWithinTheLimit() {
    assertThat(TerminationMessage.reason("The test plan has no serverUrl."))
        .isEqualTo("The test plan has no serverUrl.");
    assertThat(TerminationMessage.reason("€".repeat(5_000)).getBytes(StandardCharsets.UTF_8))
        .hasSizeLessThanOrEqualTo(TesterContract.MAX_TERMINATION_MESSAGE_BYTES);
  }
}
