package io.modelops.operator.modeltest.tester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelops.operator.api.v1alpha1.custommodel.TargetType;
import io.modelops.operator.api.v1alpha1.custommodeltest.CheckSetting;
import io.modelops.operator.modeltest.TesterContract;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolvedPlanTest {

  @Test
  void fillsTheSeedsDefaults() throws Exception {
    ResolvedPlan plan =
        ResolvedPlan.parse(
            "{\"serverUrl\": \"http://127.0.0.1:8080/predict-api/\", \"targetType\": \"Binary\","
                + " \"targetName\": \"churned\", \"classLabels\": [\"yes\", \"no\"],"
                + " \"datasetPath\": \"/data/test.csv\", \"someFutureField\": 1}");

    assertThat(plan.serverUrl()).isEqualTo("http://127.0.0.1:8080/predict-api");
    assertThat(plan.settings())
        .isEqualTo(
            new ResolvedPlan.Settings(
                CheckSetting.FAIL, CheckSetting.FAIL, CheckSetting.SKIP, CheckSetting.SKIP));
    assertThat(plan.readinessTimeout()).isEqualTo(Duration.ofSeconds(300));
    assertThat(plan.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(plan.stayUp()).isEqualTo(Duration.ofSeconds(10));
    assertThat(plan.predictionThreshold()).isEqualTo(0.5);
    assertThat(plan.expected()).isEmpty();
    assertThat(plan.performance()).isEmpty();
    assertThat(plan.nonFeatureColumns()).containsExactly("churned");
  }

  @Test
  void expectedColumnIsNotAFeatureAndLoadHasDefaults() throws Exception {
    ResolvedPlan plan =
        ResolvedPlan.parse(
            PlanBuilder.against("http://127.0.0.1:1")
                .model(TargetType.REGRESSION, "price", null)
                .dataset("pricing.csv")
                .expected("expected_price", null, null)
                .performance(20, 500)
                .json());
    assertThat(plan.nonFeatureColumns()).containsExactlyInAnyOrder("price", "expected_price");
    assertThat(plan.expected().orElseThrow().setting()).isEqualTo(CheckSetting.FAIL);
    assertThat(plan.expected().orElseThrow().tolerance()).isEqualTo(1e-6);
    assertThat(plan.performance().orElseThrow()).isEqualTo(new ResolvedPlan.Load(20, 500));
  }

  @Test
  void refusesPlansItCannotRunNamingTheField() {
    assertRefused(
        null, "The environment variable MODELOPS_TEST_PLAN holding the test plan is empty.");
    assertRefused("{\"serverUrl\": ", "The test plan is not valid JSON (line 1, column 15).");
    assertRefused("[1]", "The test plan is not a JSON object.");
    assertRefused(
        "{\"serverUrl\": \"http://h\", \"targetType\": \"Clustering\"}",
        "The test plan's field targetType has a value of the wrong type or an unknown value.");
    assertRefused(
        "{\"serverUrl\": \"http://h\", \"targetType\": \"Binary\", \"datasetPath\": \"/d.csv\","
            + " \"checks\": {\"sideEffects\": \"sometimes\"}}",
        "The test plan's field checks.sideEffects has a value of the wrong type or an unknown"
            + " value.");
    assertRefused("{\"targetType\": \"Regression\"}", "The test plan has no serverUrl.");
    assertRefused(
        "{\"serverUrl\": \"file:///etc/passwd\", \"targetType\": \"Regression\"}",
        "The test plan's serverUrl must be an http:// or https:// URL with a host and no query.");
    assertRefused(
        "{\"serverUrl\": \"http://h\", \"targetType\": \"Regression\"}",
        "The test plan has no datasetPath; only Unstructured models may be tested without a"
            + " dataset.");
    assertRefused(
        "{\"serverUrl\": \"http://h\", \"targetType\": \"Binary\", \"datasetPath\": \"/d.csv\","
            + " \"classLabels\": [\"yes\"]}",
        "The test plan's classLabels must name the positive and the negative class of a Binary"
            + " model (2 labels, got 1).");
    assertRefused(
        "{\"serverUrl\": \"http://h\", \"targetType\": \"Multiclass\", \"datasetPath\": \"/d.csv\","
            + " \"classLabels\": [\"a\", \"a\"]}",
        "The test plan's classLabels repeat a label.");
    assertRefused(
        PlanBuilder.against("http://h").dataset("numbers.csv").performance(21, 10).json(),
        "The test plan's performance.parallelUsers must be between 1 and 20.");
    assertRefused(
        PlanBuilder.against("http://h").dataset("numbers.csv").timeouts(0, 5, 0).json(),
        "The test plan's readinessTimeoutSeconds must be between 1 and 3600.");
    assertRefused(
        PlanBuilder.against("http://h").dataset("numbers.csv").expected(" ", null, null).json(),
        "The test plan's expectedPredictions.column is empty.");
    assertRefused(
        PlanBuilder.against("http://h")
            .dataset("numbers.csv")
            .expected("target", -1.0, null)
            .json(),
        "The test plan's expectedPredictions.tolerance must be a number of 0 or more.");
    assertRefused(
        "{\"serverUrl\": \"http://h\", \"datasetPath\": \"/d.csv\"}",
        "The test plan has no targetType.");
    assertRefused(
        "{\"serverUrl\": \"http://h\", \"targetType\": \"Multiclass\", \"datasetPath\": \"/d.csv\","
            + " \"classLabels\": [\"a\"]}",
        "The test plan's classLabels must name at least 2 classes of a Multiclass model.");
    assertRefused(
        PlanBuilder.against("http://h").dataset("numbers.csv").threshold(1.5).json(),
        "The test plan's predictionThreshold must be between 0 and 1.");
    assertRefused(
        PlanBuilder.against("http://h").dataset("numbers.csv").timeouts(5, 601, 0).json(),
        "The test plan's requestTimeoutSeconds must be between 1 and 600.");
    assertRefused(
        PlanBuilder.against("http://h").dataset("numbers.csv").timeouts(5, 5, -1).json(),
        "The test plan's stayUpSeconds must be between 0 and 600.");
    assertRefused(
        PlanBuilder.against("http://h").dataset("numbers.csv").performance(1, 10_001).json(),
        "The test plan's performance.requests must be between 1 and 10000.");
    assertRefused(
        "{\"serverUrl\": \"http://h:8080/x?debug=1\", \"targetType\": \"Regression\"}",
        "The test plan's serverUrl must be an http:// or https:// URL with a host and no query.");
    assertRefused(
        "{\"serverUrl\": \"http://h x\", \"targetType\": \"Regression\"}",
        "The test plan's serverUrl is not a URL.");
  }

  @Test
  void badPlanExitsWithCodeTwoAndTheReasonAsTerminationMessage() {
    TesterRun run =
        TesterRun.withPlan(
            "{\"serverUrl\": \"http://127.0.0.1:1\", \"targetType\": \"Regression\"}");

    assertThat(run.exitCode()).isEqualTo(TesterContract.EXIT_BAD_PLAN);
    assertThat(run.terminationMessage())
        .isEqualTo(
            "The test plan has no datasetPath; only Unstructured models may be tested without a"
                + " dataset.");
    assertThat(run.out())
        .contains("the test plan cannot be used: The test plan has no datasetPath")
        .doesNotContain(TesterContract.REPORT_LOG_PREFIX);

    TesterRun missing = TesterRun.withPlan(null);
    assertThat(missing.exitCode()).isEqualTo(TesterContract.EXIT_BAD_PLAN);
    assertThat(missing.terminationMessage()).contains(TesterContract.PLAN_ENV);
  }

  @Test
  void unstructuredModelNeedsNoDatasetAndBinaryNeedsItsLabels() throws Exception {
    ResolvedPlan plan =
        ResolvedPlan.parse("{\"serverUrl\": \"https://h:8443\", \"targetType\": \"Unstructured\"}");
    assertThat(plan.passthrough()).isTrue();
    assertThat(plan.dataset()).isEmpty();
    assertThat(
            ResolvedPlan.parse(
                    PlanBuilder.against("http://h")
                        .model(TargetType.BINARY, "t", List.of("yes", "no"))
                        .threshold(0.4)
                        .dataset("labels.csv")
                        .json())
                .predictionThreshold())
        .isEqualTo(0.4);
  }

  private static void assertRefused(String json, String reason) {
    assertThatThrownBy(() -> ResolvedPlan.parse(json))
        .isInstanceOf(BadPlanException.class)
        .hasMessage(reason);
  }
}
