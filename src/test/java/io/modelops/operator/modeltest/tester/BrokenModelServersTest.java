package io.modelops.operator.modeltest.tester;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelops.operator.api.v1alpha1.custommodel.TargetType;
import io.modelops.operator.api.v1alpha1.custommodeltest.CheckSetting;
import io.modelops.operator.api.v1alpha1.custommodeltest.TestingStatus;
import io.modelops.operator.modeltest.TestReport;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tester against deliberately broken model servers (src/test/resources/modeltest/servers/
 * broken_server.py), each a real process on this machine: every check gives the verdict the seed
 * means, with a message naming the row or column and what the server answered.
 */
class BrokenModelServersTest {
  private static final List<String> YES_NO = List.of("yes", "no");

  @Test
  void serverThatFailsOnNullsFailsNullValueImputationNamingEachColumn() throws Exception {
    try (ModelServerProcess server =
        ModelServerProcess.python("broken_server.py", "crash-on-null")) {
      TesterRun run =
          TesterRun.of(
              PlanBuilder.against(server)
                  .model(TargetType.REGRESSION, "target", null)
                  .dataset("numbers.csv")
                  .allChecks(CheckSetting.FAIL));

      assertThat(run.status("errorCheck")).isEqualTo(TestingStatus.SUCCEEDED);
      assertThat(run.status("nullValueImputation")).isEqualTo(TestingStatus.FAILED);
      assertThat(run.check("nullValueImputation").getMessage())
          .isEqualTo(
              "Predicting rows 1-4 with column a null: the server answered HTTP 500:"
                  + " {\"error\": \"ValueError: column a has a null value\"}. Other columns the"
                  + " model does not accept null in: b, c.");
      assertThat(run.status("sideEffects")).isEqualTo(TestingStatus.SUCCEEDED);
      assertThat(run.report().overallStatus()).isEqualTo(TestingStatus.FAILED);
    }
  }

  @Test
  void serverThatKeepsStateFailsSideEffectsNamingTheRowAndBothPredictions() throws Exception {
    try (ModelServerProcess server = ModelServerProcess.python("broken_server.py", "stateful")) {
      TesterRun run =
          TesterRun.of(
              PlanBuilder.against(server)
                  .model(TargetType.REGRESSION, "target", null)
                  .dataset("numbers.csv")
                  .checks(CheckSetting.FAIL, CheckSetting.SKIP, CheckSetting.WARN));

      // The whole dataset is the server's first request (row 1: 1 + 2 + 3, plus 1), row 1
      // alone its second.
      assertThat(run.status("sideEffects")).isEqualTo(TestingStatus.WARNING);
      assertThat(run.check("sideEffects").getMessage())
          .isEqualTo(
              "Row 1 was predicted 7.0 in the whole dataset but 8.0 alone: the model keeps state"
                  + " between requests or uses other rows.");
      assertThat(run.status("errorCheck")).isEqualTo(TestingStatus.SUCCEEDED);
      assertThat(run.report().overallStatus()).isEqualTo(TestingStatus.WARNING);
    }
  }

  @Test
  void serverThatDiesAfterTwoRequestsFailsLongRunningServiceAndTheTest() throws Exception {
    try (ModelServerProcess server =
        ModelServerProcess.python("broken_server.py", "dies-after", "2")) {
      TesterRun run =
          TesterRun.of(
              PlanBuilder.against(server)
                  .model(TargetType.REGRESSION, "target", null)
                  .dataset("numbers.csv")
                  .checks(CheckSetting.FAIL, CheckSetting.SKIP, CheckSetting.WARN)
                  .timeouts(15, 5, 1));

      assertThat(server.alive()).isFalse();
      assertThat(run.status("errorCheck")).isEqualTo(TestingStatus.SUCCEEDED);
      // Row 1 alone was its last answer; row 2 finds no server.
      assertThat(run.status("sideEffects")).isEqualTo(TestingStatus.WARNING);
      // Refused, or (when the request went out on the connection the server had just closed)
      // closed and then refused.
      assertThat(run.check("sideEffects").getMessage())
          .startsWith("Predicting row 2 alone: the server ")
          .contains("refused");
      assertThat(run.status("longRunningService")).isEqualTo(TestingStatus.FAILED);
      assertThat(run.check("longRunningService").getMessage())
          .startsWith("The server stopped answering after the other checks: ")
          .contains(" into the 1 s stay-up period, GET / failed: the server ")
          .contains("refused");
      // A warning at most from the checks, but a server that does not stay up fails the test.
      assertThat(run.report().overallStatus()).isEqualTo(TestingStatus.FAILED);
    }
  }

  @Test
  void performanceCountsRequestsTheServerDidNotAnswerAsAWarning() throws Exception {
    try (ModelServerProcess server =
        ModelServerProcess.python("broken_server.py", "dies-after", "3")) {
      TesterRun run =
          TesterRun.of(
              PlanBuilder.against(server)
                  .model(TargetType.REGRESSION, "target", null)
                  .dataset("numbers.csv")
                  .performance(1, 5));

      // The whole dataset and two single rows are answered, then the server is gone.
      TestReport.PerformanceFigures figures = run.report().performance();
      assertThat(figures.requests()).isEqualTo(5);
      assertThat(figures.errors()).isEqualTo(3);
      assertThat(run.status("performance")).isEqualTo(TestingStatus.WARNING);
      assertThat(run.check("performance").getMessage())
          .startsWith("5 single-row requests from 1 parallel clients: p50 ")
          .contains("; 3 requests failed, the first because the server ")
          .contains("refused");
      assertThat(run.status("longRunningService")).isEqualTo(TestingStatus.FAILED);
    }
  }

  @Test
  void serverThatIsNeverReadyFailsLongRunningServiceAndAbortsEveryOtherCheck() throws Exception {
    try (ModelServerProcess server = ModelServerProcess.python("broken_server.py", "never-ready")) {
      TesterRun run =
          TesterRun.of(
              PlanBuilder.against(server)
                  .model(TargetType.REGRESSION, "target", null)
                  .dataset("numbers.csv")
                  .expected("target", null, CheckSetting.FAIL)
                  .performance(2, 10)
                  .timeouts(2, 1, 1));

      TestReport report = run.report();
      assertThat(report.overallStatus()).isEqualTo(TestingStatus.FAILED);
      assertThat(run.check("longRunningService").getMessage())
          .isEqualTo(
              "The server did not answer GET / with HTTP 200 within 2 s (readinessTimeoutSeconds);"
                  + " the last time it answered HTTP 503: {\"ready\": false}. The other checks were"
                  + " not run.");
      assertThat(report.checks())
          .containsOnlyKeys(
              "longRunningService",
              "errorCheck",
              "nullValueImputation",
              "sideEffects",
              "expectedPredictions",
              "performance");
      report.checks().entrySet().stream()
          .filter(e -> !e.getKey().equals("longRunningService"))
          .forEach(
              e -> {
                assertThat(e.getValue().getStatus())
                    .as(e.getKey())
                    .isEqualTo(TestingStatus.ABORTED);
                assertThat(e.getValue().getMessage())
                    .isEqualTo("Not run: the server never became ready (see longRunningService).");
              });
      assertThat(report.performance()).isNull();
    }
  }

  @Test
  void nothingListeningFailsLongRunningServiceSayingTheConnectionWasRefused() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    TesterRun run =
        TesterRun.of(
            PlanBuilder.against("http://127.0.0.1:" + port + "/predict-api")
                .model(TargetType.REGRESSION, "target", null)
                .dataset("numbers.csv")
                .timeouts(1, 1, 0));

    assertThat(run.check("longRunningService").getMessage())
        .contains("the last time it refused the connection (is it listening?)");
    assertThat(run.status("errorCheck")).isEqualTo(TestingStatus.ABORTED);
    assertThat(run.report().overallStatus()).isEqualTo(TestingStatus.FAILED);
  }

  @Test
  void tooFewPredictionsFailTheErrorCheck() throws Exception {
    try (ModelServerProcess server = ModelServerProcess.python("broken_server.py", "wrong-count")) {
      TesterRun run =
          TesterRun.of(
              PlanBuilder.against(server)
                  .model(TargetType.REGRESSION, "target", null)
                  .dataset("numbers.csv")
                  .allChecks(CheckSetting.FAIL));

      assertThat(run.status("errorCheck")).isEqualTo(TestingStatus.FAILED);
      assertThat(run.check("errorCheck").getMessage())
          .isEqualTo(
              "Predicting the whole dataset (4 rows): the server answered 3 predictions for 4"
                  + " rows.");
      assertThat(run.check("nullValueImputation").getMessage())
          .startsWith(
              "Predicting rows 1-4 with column a null: the server answered 3 predictions for 4"
                  + " rows.");
      assertThat(run.check("sideEffects").getMessage())
          .isEqualTo(
              "Nothing to compare with: Predicting the whole dataset (4 rows): the server answered"
                  + " 3 predictions for 4 rows.");
      assertThat(run.report().overallStatus()).isEqualTo(TestingStatus.FAILED);
    }
  }

  @Test
  void binaryProbabilitiesForOtherLabelsFailTheErrorCheck() throws Exception {
    try (ModelServerProcess server =
        ModelServerProcess.python("broken_server.py", "wrong-labels")) {
      TesterRun run =
          TesterRun.of(
              PlanBuilder.against(server)
                  .model(TargetType.BINARY, "label", YES_NO)
                  .dataset("labels.csv"));

      assertThat(run.status("errorCheck")).isEqualTo(TestingStatus.FAILED);
      assertThat(run.check("errorCheck").getMessage())
          .startsWith("Predicting the whole dataset (2 rows): the prediction for row 1,")
          .contains("{\"1\":0.25,\"0\":0.75}")
          .contains("is not a map of the class labels \"yes\", \"no\" to probabilities");
    }
  }

  @Test
  void binaryProbabilitiesThatDoNotSumToOneFailTheErrorCheck() throws Exception {
    try (ModelServerProcess server = ModelServerProcess.python("broken_server.py", "bad-sum")) {
      TesterRun run =
          TesterRun.of(
              PlanBuilder.against(server)
                  .model(TargetType.BINARY, "label", YES_NO)
                  .dataset("labels.csv"));

      assertThat(run.check("errorCheck").getMessage())
          .isEqualTo(
              "Predicting the whole dataset (2 rows): the prediction for row 1,"
                  + " {\"yes\":0.7,\"no\":0.7}, has probabilities summing to 1.4, not 1.");
    }
  }

  @Test
  void anHtmlPageInsteadOfPredictionsFailsTheErrorCheck() throws Exception {
    try (ModelServerProcess server = ModelServerProcess.python("broken_server.py", "not-json")) {
      TesterRun run =
          TesterRun.of(
              PlanBuilder.against(server)
                  .model(TargetType.REGRESSION, "target", null)
                  .dataset("numbers.csv"));

      assertThat(run.check("errorCheck").getMessage())
          .isEqualTo(
              "Predicting the whole dataset (4 rows): the server answered HTTP 200 but not with"
                  + " JSON: <html><body>Internal page</body></html>.");
    }
  }

  @Test
  void slowServerIsMeasuredAndTimedOut() throws Exception {
    try (ModelServerProcess server = ModelServerProcess.python("broken_server.py", "slow", "150")) {
      TesterRun run =
          TesterRun.of(
              PlanBuilder.against(server)
                  .model(TargetType.REGRESSION, "target", null)
                  .dataset("numbers.csv")
                  .performance(4, 12));

      TestReport.PerformanceFigures figures = run.report().performance();
      assertThat(figures.requests()).isEqualTo(12);
      assertThat(figures.errors()).isZero();
      assertThat(figures.p50Millis()).isGreaterThanOrEqualTo(150);
      // Four clients at once against a server that answers them in parallel.
      assertThat(figures.requestsPerSecond()).isGreaterThan(1000.0 / 150 * 2);
      assertThat(run.status("performance")).isEqualTo(TestingStatus.SUCCEEDED);
    }
    try (ModelServerProcess server =
        ModelServerProcess.python("broken_server.py", "slow", "1500")) {
      TesterRun run =
          TesterRun.of(
              PlanBuilder.against(server)
                  .model(TargetType.REGRESSION, "target", null)
                  .dataset("numbers.csv")
                  .timeouts(15, 1, 0));

      assertThat(run.check("errorCheck").getMessage())
          .isEqualTo(
              "Predicting the whole dataset (4 rows): the server did not answer within 1 s.");
    }
  }

  @Test
  void datasetLargerThanTheLimitFailsTheChecksWithoutReadingIt(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.csv");
    StringBuilder csv = new StringBuilder("a,target\n");
    for (int i = 0; i <= DatasetReader.MAX_ROWS; i++) {
      csv.append(i).append(",1\n");
    }
    Files.writeString(big, csv);
    try (ModelServerProcess server = ModelServerProcess.python("broken_server.py", "stateful")) {
      TesterRun run =
          TesterRun.of(
              PlanBuilder.against(server)
                  .model(TargetType.REGRESSION, "target", null)
                  .dataset(big)
                  .allChecks(CheckSetting.FAIL));

      String tooLarge =
          "The dataset big.csv has more than 10000 rows; the tester reads at most 10000: test with"
              + " a sample of the data.";
      assertThat(run.check("errorCheck").getMessage()).isEqualTo(tooLarge);
      assertThat(run.check("nullValueImputation").getMessage()).isEqualTo(tooLarge);
      assertThat(run.status("longRunningService")).isEqualTo(TestingStatus.SUCCEEDED);
      assertThat(run.report().overallStatus()).isEqualTo(TestingStatus.FAILED);
    }
  }
}
