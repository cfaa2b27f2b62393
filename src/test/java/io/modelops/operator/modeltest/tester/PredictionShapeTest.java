package io.modelops.operator.modeltest.tester;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelops.operator.api.v1alpha1.custommodel.TargetType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionShapeTest {

  private static ResolvedPlan plan(TargetType type, List<String> labels) throws Exception {
    return ResolvedPlan.parse(
        PlanBuilder.against("http://h").model(type, "t", labels).dataset("numbers.csv").json());
  }

  private static String problem(TargetType type, List<String> labels, String body)
      throws Exception {
    return PredictionShape.check(
            ServerAnswer.answered(200, body, Duration.ZERO),
            2,
            "the whole dataset",
            plan(type, labels))
        .problem();
  }

  @Test
  void multiclassProbabilitiesCoverExactlyTheLabelsAndSumToOne() throws Exception {
    List<String> labels = List.of("a", "b", "c");
    assertThat(
            problem(
                TargetType.MULTICLASS,
                labels,
                "{\"predictions\": [{\"a\": 0.2, \"b\": 0.3, \"c\": 0.5},"
                    + " {\"a\": 0.0, \"b\": 1.0, \"c\": 0.0004}]}"))
        .isNull();
    assertThat(
            problem(
                TargetType.MULTICLASS,
                labels,
                "{\"predictions\": [{\"a\": 0.5, \"b\": 0.5}, {\"a\": 1, \"b\": 0, \"c\": 0}]}"))
        .contains("row 1")
        .contains("is not a map of the class labels \"a\", \"b\", \"c\" to probabilities");
    assertThat(
            problem(
                TargetType.MULTICLASS,
                labels,
                "{\"predictions\": [{\"a\": 1, \"b\": 0, \"c\": 0}, {\"a\": 1.5, \"b\": -0.5,"
                    + " \"c\": 0}]}"))
        .contains("row 2")
        .contains("gives \"a\" a probability outside [0, 1]");
  }

  @Test
  void regressionAnomalyTextAndTransformShapes() throws Exception {
    assertThat(problem(TargetType.REGRESSION, null, "{\"predictions\": [1, 2.5]}")).isNull();
    assertThat(problem(TargetType.ANOMALY, null, "{\"predictions\": [0.1, \"high\"]}"))
        .isEqualTo(
            "Predicting the whole dataset: the prediction for row 2, \"high\", is not a finite"
                + " number.");
    assertThat(problem(TargetType.REGRESSION, null, "{\"predictions\": [NaN, 1]}"))
        .startsWith("Predicting the whole dataset: the server answered HTTP 200 but not with JSON");
    assertThat(problem(TargetType.TEXT_GENERATION, null, "{\"predictions\": [\"hi\", 3]}"))
        .contains("row 2, 3, is not a string");
    assertThat(problem(TargetType.TRANSFORM, null, "{\"predictions\": [{\"a\": 1}, [1]]}"))
        .contains("row 2, [1], is not a row");
    assertThat(problem(TargetType.REGRESSION, null, "{\"result\": [1, 2]}"))
        .isEqualTo(
            "Predicting the whole dataset: the answer has no \"predictions\" list:"
                + " {\"result\":[1,2]}.");
  }

  @Test
  void errorAnswerIsQuotedShortened() throws Exception {
    String body = "{\"error\": \"" + "x".repeat(1000) + "\"}";
    String problem =
        PredictionShape.check(
                ServerAnswer.answered(500, body, Duration.ZERO),
                2,
                "the whole dataset",
                plan(TargetType.REGRESSION, null))
            .problem();
    assertThat(problem).startsWith("Predicting the whole dataset: the server answered HTTP 500: ");
    assertThat(problem.length()).isLessThan(300);
  }
}
