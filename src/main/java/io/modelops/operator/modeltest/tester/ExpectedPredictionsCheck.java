package io.modelops.operator.modeltest.tester;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelops.operator.api.v1alpha1.custommodel.TargetType;
import io.modelops.operator.api.v1alpha1.custommodeltest.CheckSetting;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Optional (off unless the plan asks): each row's whole-dataset prediction against the dataset's
 * expected-prediction column. Regression and Anomaly numbers must be within the tolerance; a Binary
 * model's label (positive when its probability reaches the prediction threshold), a Multiclass
 * model's most probable label and a TextGeneration model's text must equal the column's value. Rows
 * whose expected value is empty are not compared.
 */
final class ExpectedPredictionsCheck implements Check {
  static final String NAME = "expectedPredictions";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckSetting setting(ResolvedPlan plan) {
    return plan.expected().map(ResolvedPlan.Expected::setting).orElse(CheckSetting.SKIP);
  }

  @Override
  public Verdict run(CheckContext context) throws DatasetException {
    ResolvedPlan plan = context.plan();
    ResolvedPlan.Expected expected = plan.expected().orElseThrow();
    if (plan.passthrough() || plan.targetType() == TargetType.TRANSFORM) {
      return Verdict.notApplicable(
          "Not applicable: expected predictions are compared for Binary, Multiclass, Regression,"
              + " Anomaly and TextGeneration models.");
    }
    Dataset dataset = context.dataset();
    String column = expected.column();
    if (!dataset.columns().contains(column)) {
      return Verdict.failed(
          "The dataset has no column "
              + column
              + " (named in expectedPredictions.column); its columns are "
              + Excerpt.of(String.join(", ", dataset.columns()), Excerpt.ANSWER_CHARS)
              + ".");
    }
    PredictionShape.Checked whole = context.wholeDataset();
    if (!whole.ok()) {
      return Verdict.failed("Nothing to compare with: " + whole.problem());
    }
    List<JsonNode> predictions = whole.predictions();
    boolean numeric =
        plan.targetType() == TargetType.REGRESSION || plan.targetType() == TargetType.ANOMALY;
    int compared = 0;
    int differing = 0;
    String firstDifference = null;
    for (int i = 0; i < dataset.size(); i++) {
      Object want = dataset.value(i, column);
      if (want == null) {
        continue;
      }
      compared++;
      Object got;
      boolean same;
      if (numeric) {
        if (!(want instanceof BigDecimal number)) {
          return Verdict.failed(
              "Row "
                  + (i + 1)
                  + " of column "
                  + column
                  + " holds "
                  + Excerpt.json(want, Excerpt.VALUE_CHARS)
                  + ", not a number to compare a "
                  + plan.targetType().name().toLowerCase(Locale.ROOT)
                  + " prediction with.");
        }
        double p = predictions.get(i).asDouble();
        got = predictions.get(i);
        same = Math.abs(p - number.doubleValue()) <= expected.tolerance();
      } else {
        String label = label(predictions.get(i), plan);
        got = label;
        same = label.equals(want instanceof BigDecimal n ? n.toPlainString() : want.toString());
      }
      if (!same) {
        differing++;
        if (firstDifference == null) {
          firstDifference =
              "row "
                  + (i + 1)
                  + ": expected "
                  + Excerpt.json(want, Excerpt.VALUE_CHARS)
                  + ", predicted "
                  + Excerpt.json(got, Excerpt.VALUE_CHARS);
        }
      }
    }
    if (differing > 0) {
      return Verdict.failed(
          differing
              + " of "
              + compared
              + " rows differ from column "
              + column
              + (numeric ? " by more than " + expected.tolerance() : "")
              + "; the first is "
              + firstDifference
              + ".");
    }
    return Verdict.passed(
        "All "
            + compared
            + " rows match column "
            + column
            + (numeric ? " within " + expected.tolerance() : "")
            + ".");
  }

  /** The label a prediction stands for (its text for TextGeneration). */
  static String label(JsonNode prediction, ResolvedPlan plan) {
    List<String> labels = plan.classLabels();
    switch (plan.targetType()) {
      case BINARY:
        return prediction.get(labels.get(0)).asDouble() >= plan.predictionThreshold()
            ? labels.get(0)
            : labels.get(1);
      case MULTICLASS:
        String best = labels.get(0);
        for (String label : labels) {
          if (prediction.get(label).asDouble() > prediction.get(best).asDouble()) {
            best = label;
          }
        }
        return best;
      default:
        return prediction.asText();
    }
  }
}
