package io.modelops.operator.modeltest.tester;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelops.operator.api.v1alpha1.custommodel.TargetType;
import io.modelops.operator.api.v1alpha1.custommodeltest.CheckSetting;
import io.modelops.operator.api.v1alpha1.custommodeltest.TestingStatus;
import io.modelops.operator.modeltest.TestReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tester against the examples' model servers as real processes on this machine: the churn
 * server's own {@code start_server.sh} taken from examples/10 at test time, and stand-ins for the
 * iris (examples/11, code from git) and pricing (examples/12, code in an image) servers, each
 * tested with the model settings of its example; and well-behaved servers of the other target
 * types.
 */
class ExampleModelServersTest {
  private static final String CHURN = "10-churn-binary-classifier.yaml";
  private static final String IRIS = "11-iris-multiclass-ha.yaml";
  private static final String PRICING = "12-pricing-runtime-parameters.yaml";

  // The servers are stateless: each is started once for the class (in parallel, they are
  // processes) and shared by its tests.
  static ModelServerProcess churn;
  static ModelServerProcess iris;
  static ModelServerProcess pricingWithDefaultMargin;

  @BeforeAll
  static void startServers(@TempDir Path code) throws IOException {
    churn = churnServer(code);
    iris = ModelServerProcess.python("iris_server.py");
    pricingWithDefaultMargin = ModelServerProcess.python("pricing_server.py");
  }

  @AfterAll
  static void stopServers() throws InterruptedException {
    for (ModelServerProcess server : List.of(churn, iris, pricingWithDefaultMargin)) {
      server.close();
    }
  }

  /** The churn example's server, started from the script in its ConfigMap. */
  private static ModelServerProcess churnServer(Path code) throws IOException {
    String script =
        ExampleModels.document(CHURN, "ConfigMap").path("data").path("start_server.sh").asText();
    assertThat(script).contains("predict_no_state");
    Path file = code.resolve("start_server.sh");
    Files.writeString(file, script);
    return ModelServerProcess.start(List.of("sh", file.toString()), code, Map.of());
  }

  @Test
  void churnExampleServerPassesEveryCheckOfItsBinaryModel() throws Exception {
    {
      ModelServerProcess server = churn;
      TesterRun run =
          TesterRun.of(
              ExampleModels.plan(CHURN, server)
                  .dataset("churn.csv")
                  .checks(CheckSetting.FAIL, CheckSetting.SKIP, CheckSetting.FAIL)
                  .expected("churned", null, CheckSetting.FAIL));

      TestReport report = run.report();
      assertThat(report.overallStatus()).as(run.out()).isEqualTo(TestingStatus.SUCCEEDED);
      assertThat(report.checks().keySet())
          .containsExactly(
              "longRunningService",
              "errorCheck",
              "nullValueImputation",
              "sideEffects",
              "expectedPredictions");
      assertThat(run.check("errorCheck").getMessage()).contains("all 8 rows");
      assertThat(run.status("nullValueImputation")).isEqualTo(TestingStatus.SKIPPED);
      assertThat(run.check("sideEffects").getMessage()).contains("All 8 rows predicted one by one");
      // The example's threshold (0.4) decides the label: only tenures 0 and 1 churn.
      assertThat(run.check("expectedPredictions").getMessage())
          .isEqualTo("All 8 rows match column churned.");
      assertThat(run.check("longRunningService").getMessage()).contains("kept answering");
    }
  }

  @Test
  void churnExampleServerDoesNotAnswerWhenTenureIsNull() throws Exception {
    {
      ModelServerProcess server = churn;
      TesterRun run =
          TesterRun.of(
              ExampleModels.plan(CHURN, server)
                  .dataset("churn.csv")
                  .checks(CheckSetting.FAIL, CheckSetting.WARN, CheckSetting.SKIP));

      assertThat(run.status("nullValueImputation")).isEqualTo(TestingStatus.WARNING);
      // The example computes 1 / (1 + tenure): a null tenure breaks the request, nothing else.
      assertThat(run.check("nullValueImputation").getMessage())
          .startsWith("Predicting rows 1-8 with column tenure_months null: the server closed the")
          .doesNotContain("Other columns");
      assertThat(run.report().overallStatus()).isEqualTo(TestingStatus.WARNING);
      assertThat(run.status("longRunningService")).isEqualTo(TestingStatus.SUCCEEDED);
    }
  }

  @Test
  void irisStandInPassesEveryCheckAndIsMeasuredWithParallelClients() throws Exception {
    {
      ModelServerProcess server = iris;
      TesterRun run =
          TesterRun.of(
              ExampleModels.plan(IRIS, server)
                  .dataset("iris.csv")
                  .allChecks(CheckSetting.FAIL)
                  .expected("species", null, CheckSetting.FAIL)
                  .performance(4, 40));

      TestReport report = run.report();
      assertThat(report.overallStatus()).as(run.out()).isEqualTo(TestingStatus.SUCCEEDED);
      assertThat(run.check("nullValueImputation").getMessage())
          .isEqualTo("The server predicted rows with each of the 4 feature columns null.");
      assertThat(run.check("expectedPredictions").getMessage())
          .isEqualTo("All 6 rows match column species.");
      assertThat(report.performance().parallelUsers()).isEqualTo(4);
      assertThat(report.performance().requests()).isEqualTo(40);
      assertThat(report.performance().errors()).isZero();
      assertThat(report.performance().p50Millis()).isPositive();
      assertThat(report.performance().maxMillis())
          .isGreaterThanOrEqualTo(report.performance().p95Millis());
      assertThat(run.check("performance").getMessage())
          .startsWith("40 single-row requests from 4 parallel clients: p50 ");
    }
  }

  @Test
  void pricingStandInPredictsWithTheExamplesMargin() throws Exception {
    JsonNode margin =
        ExampleModels.document(PRICING, "CustomModelVersion")
            .path("spec")
            .path("runtimeParameterValues")
            .findParents("fieldName")
            .stream()
            .filter(p -> p.path("fieldName").asText().equals("MARGIN"))
            .findFirst()
            .orElseThrow()
            .path("value");
    Map<String, String> env =
        Map.of(
            "MLOPS_RUNTIME_PARAM_MARGIN", "{\"type\": \"numeric\", \"payload\": " + margin + "}");
    try (ModelServerProcess server = ModelServerProcess.python(env, "pricing_server.py")) {
      TesterRun run =
          TesterRun.of(
              ExampleModels.plan(PRICING, server)
                  .dataset("pricing.csv")
                  .allChecks(CheckSetting.FAIL)
                  .expected("price", 0.01, CheckSetting.FAIL));

      assertThat(run.report().overallStatus()).as(run.out()).isEqualTo(TestingStatus.SUCCEEDED);
      assertThat(run.check("expectedPredictions").getMessage())
          .isEqualTo("All 5 rows match column price within 0.01.");
    }
  }

  @Test
  void expectedPredictionsNamesTheFirstRowThatDiffers() throws Exception {
    // Without the example's margin the server prices 15 % above cost, not 20 %.
    {
      ModelServerProcess server = pricingWithDefaultMargin;
      TesterRun run =
          TesterRun.of(
              ExampleModels.plan(PRICING, server)
                  .dataset("pricing.csv")
                  .expected("price", 0.01, CheckSetting.WARN));

      assertThat(run.status("expectedPredictions")).isEqualTo(TestingStatus.WARNING);
      assertThat(run.check("expectedPredictions").getMessage())
          .isEqualTo(
              "5 of 5 rows differ from column price by more than 0.01; the first is row 1:"
                  + " expected 12, predicted 11.5.");
      assertThat(run.report().overallStatus()).isEqualTo(TestingStatus.WARNING);
    }
  }

  @Test
  void expectedLabelsUseTheThresholdAndNameTheFirstDifferingRow() throws Exception {
    {
      ModelServerProcess server = churn;
      // At 0.6 instead of the example's 0.4, a tenure of 1 month (churn probability 0.5) is "no".
      TesterRun run =
          TesterRun.of(
              ExampleModels.plan(CHURN, server)
                  .threshold(0.6)
                  .dataset("churn.csv")
                  .expected("churned", null, CheckSetting.FAIL));

      assertThat(run.status("expectedPredictions")).isEqualTo(TestingStatus.FAILED);
      assertThat(run.check("expectedPredictions").getMessage())
          .isEqualTo(
              "1 of 8 rows differ from column churned; the first is row 2: expected \"yes\","
                  + " predicted \"no\".");
      assertThat(run.report().overallStatus()).isEqualTo(TestingStatus.FAILED);
    }
  }

  @Test
  void expectedColumnMustExistAndHoldNumbersForRegression() throws Exception {
    {
      ModelServerProcess server = pricingWithDefaultMargin;
      TesterRun missing =
          TesterRun.of(
              ExampleModels.plan(PRICING, server)
                  .dataset("pricing.csv")
                  .expected("list_price", null, CheckSetting.FAIL));
      assertThat(missing.check("expectedPredictions").getMessage())
          .isEqualTo(
              "The dataset has no column list_price (named in expectedPredictions.column); its"
                  + " columns are product_id, category, unit_cost, stock, price.");

      TesterRun text =
          TesterRun.of(
              ExampleModels.plan(PRICING, server)
                  .dataset("pricing.csv")
                  .expected("category", null, CheckSetting.FAIL));
      assertThat(text.check("expectedPredictions").getMessage())
          .isEqualTo(
              "Row 1 of column category holds \"books\", not a number to compare a regression"
                  + " prediction with.");
    }
  }

  @Test
  void textGenerationTransformAndAnomalyModelsPassWithTheirShapes() throws Exception {
    // Started together: the three start up in parallel.
    try (ModelServerProcess text =
            ModelServerProcess.python("target_types_server.py", "text-generation");
        ModelServerProcess transform =
            ModelServerProcess.python("target_types_server.py", "transform");
        ModelServerProcess anomaly =
            ModelServerProcess.python("target_types_server.py", "anomaly")) {
      TesterRun run =
          TesterRun.of(
              PlanBuilder.against(text)
                  .model(TargetType.TEXT_GENERATION, null, null)
                  .dataset("prompts.csv")
                  .allChecks(CheckSetting.FAIL)
                  .expected("answer", null, CheckSetting.FAIL));
      assertThat(run.report().overallStatus()).as(run.out()).isEqualTo(TestingStatus.SUCCEEDED);
      // The third row's expected answer is empty: not compared.
      assertThat(run.check("expectedPredictions").getMessage())
          .isEqualTo("All 2 rows match column answer.");

      run =
          TesterRun.of(
              PlanBuilder.against(transform)
                  .model(TargetType.TRANSFORM, null, null)
                  .dataset("prompts.csv")
                  .allChecks(CheckSetting.FAIL));
      assertThat(run.report().overallStatus()).as(run.out()).isEqualTo(TestingStatus.SUCCEEDED);
      assertThat(run.check("errorCheck").getMessage()).endsWith("of the transform shape.");

      run =
          TesterRun.of(
              PlanBuilder.against(anomaly)
                  .model(TargetType.ANOMALY, null, null)
                  .dataset("prompts.csv")
                  .allChecks(CheckSetting.FAIL));
      assertThat(run.report().overallStatus()).as(run.out()).isEqualTo(TestingStatus.SUCCEEDED);
    }
  }

  @Test
  void unstructuredModelWithoutDatasetNeedsOnlyA2xxAnswer() throws Exception {
    {
      ModelServerProcess server = iris;
      TesterRun run =
          TesterRun.of(
              PlanBuilder.against(server)
                  .model(TargetType.UNSTRUCTURED, null, null)
                  .allChecks(CheckSetting.FAIL));

      assertThat(run.report().overallStatus()).isEqualTo(TestingStatus.SUCCEEDED);
      assertThat(run.check("errorCheck").getMessage())
          .isEqualTo("The server answered a prediction request without data with a 2xx status.");
      assertThat(run.status("nullValueImputation")).isEqualTo(TestingStatus.SKIPPED);
      assertThat(run.check("sideEffects").getMessage()).startsWith("Not applicable");

      TesterRun withData =
          TesterRun.of(
              PlanBuilder.against(server)
                  .model(TargetType.UNSTRUCTURED, null, null)
                  .dataset("iris.csv")
                  .expected("species", null, CheckSetting.FAIL));
      assertThat(withData.check("errorCheck").getMessage())
          .isEqualTo(
              "The server answered the prediction request for the whole dataset (6 rows) with a"
                  + " 2xx status.");
      assertThat(withData.status("expectedPredictions")).isEqualTo(TestingStatus.SKIPPED);
      assertThat(withData.check("expectedPredictions").getMessage())
          .startsWith("Not applicable: expected predictions are compared for Binary,");
    }
  }
}
