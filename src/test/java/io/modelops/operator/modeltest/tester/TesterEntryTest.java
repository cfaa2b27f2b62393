package io.modelops.operator.modeltest.tester;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelops.operator.api.v1alpha1.custommodel.TargetType;
import io.modelops.operator.api.v1alpha1.custommodeltest.CheckSetting;
import io.modelops.operator.api.v1alpha1.custommodeltest.TestingStatus;
import io.modelops.operator.bootstrap.Main;
import io.modelops.operator.modeltest.TestReport;
import io.modelops.operator.modeltest.TesterContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tester through its real entry, as the Job's container runs it: the operator's main class with
 * {@code test-model} in a JVM of its own, the plan in its environment, nothing else.
 */
class TesterEntryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Process tester(String plan, Path termination) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                TesterContract.MODE_ARGUMENT)
            .redirectErrorStream(false)
            .redirectOutput(dir.resolve("out.log").toFile())
            .redirectError(dir.resolve("err.log").toFile());
    builder.environment().clear();
    builder.environment().put(TesterContract.PLAN_ENV, plan);
    builder.environment().put(TesterContract.TERMINATION_MESSAGE_PATH_ENV, termination.toString());
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return process;
  }

  @Test
  void operatorJarInTestModelModeTestsTheServerAndReportsThroughLogAndTerminationMessage()
      throws Exception {
    Path termination = dir.resolve("termination-log");
    try (ModelServerProcess server = ModelServerProcess.python("iris_server.py")) {
      String plan =
          PlanBuilder.against(server)
              .model(TargetType.MULTICLASS, "species", List.of("setosa", "versicolor", "virginica"))
              .dataset("iris.csv")
              .allChecks(CheckSetting.FAIL)
              .json();

      Process process = tester(plan, termination);

      String out = Files.readString(dir.resolve("out.log"), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as(out).isEqualTo(TesterContract.EXIT_TESTED);
      List<String> reportLines =
          out.lines().filter(l -> l.startsWith(TesterContract.REPORT_LOG_PREFIX)).toList();
      assertThat(reportLines).hasSize(1);
      TestReport logged =
          JSON.readValue(
              reportLines.get(0).substring(TesterContract.REPORT_LOG_PREFIX.length()),
              TestReport.class);
      assertThat(logged.overallStatus()).isEqualTo(TestingStatus.SUCCEEDED);
      assertThat(logged.checks().keySet())
          .containsExactly(
              "longRunningService", "errorCheck", "nullValueImputation", "sideEffects");
      assertThat(out).contains("modelops-tester: errorCheck succeeded: ");
      // No operator started: nothing about controllers or the API server.
      assertThat(out).doesNotContain("modelops-operator starting");
      String message = Files.readString(termination, StandardCharsets.UTF_8);
      assertThat(message.getBytes(StandardCharsets.UTF_8).length)
          .isLessThanOrEqualTo(TesterContract.MAX_TERMINATION_MESSAGE_BYTES);
      assertThat(JSON.readValue(message, TestReport.class).checks())
          .allSatisfy(
              (name, check) -> assertThat(check.getStatus()).isEqualTo(TestingStatus.SUCCEEDED));
    }
  }

  @Test
  void badPlanExitsWithTwoWithoutStartingTheOperator() throws Exception {
    Path termination = dir.resolve("termination-log");
    Process process =
        tester("{\"serverUrl\": \"ftp://x\", \"targetType\": \"Binary\"}", termination);

    assertThat(process.exitValue()).isEqualTo(TesterContract.EXIT_BAD_PLAN);
    assertThat(Files.readString(termination))
        .isEqualTo(
            "The test plan's serverUrl must be an http:// or https:// URL with a host and no"
                + " query.");
  }
}
