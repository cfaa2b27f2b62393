package io.modelops.operator.modeltest.tester;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelops.operator.api.v1alpha1.custommodeltest.CheckSetting;
import java.util.List;

/**
 * The seed's {@code sideEffects}: the first {@link #MAX_ROWS} rows are predicted one request per
 * row, after the whole-dataset request, and each must equal that row's prediction in the whole
 * dataset ({@link SamePrediction}). A difference means the model keeps state between requests or a
 * row's prediction depends on the other rows.
 */
final class SideEffectsCheck implements Check {
  static final String NAME = "sideEffects";

  /** Rows predicted one by one. */
  static final int MAX_ROWS = 100;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckSetting setting(ResolvedPlan plan) {
    return plan.settings().sideEffects();
  }

  @Override
  public Verdict run(CheckContext context) throws DatasetException {
    if (context.plan().passthrough()) {
      return Verdict.notApplicable(
          "Not applicable: the answers of Unstructured models are not interpreted.");
    }
    PredictionShape.Checked whole = context.wholeDataset();
    if (!whole.ok()) {
      return Verdict.failed("Nothing to compare with: " + whole.problem());
    }
    Dataset dataset = context.dataset();
    int rows = Math.min(dataset.size(), MAX_ROWS);
    context.progress("sideEffects: predicting " + rows + " rows one by one");
    for (int i = 0; i < rows; i++) {
      ServerAnswer answer = context.server().predict(dataset.features(i, i + 1));
      PredictionShape.Checked single =
          PredictionShape.check(answer, 1, "row " + (i + 1) + " alone", context.plan());
      if (!single.ok()) {
        return Verdict.failed(single.problem());
      }
      List<JsonNode> predictions = whole.predictions();
      JsonNode inWhole = predictions.get(i);
      JsonNode alone = single.predictions().get(0);
      if (!SamePrediction.same(inWhole, alone)) {
        return Verdict.failed(
            "Row "
                + (i + 1)
                + " was predicted "
                + Excerpt.json(inWhole, Excerpt.VALUE_CHARS)
                + " in the whole dataset but "
                + Excerpt.json(alone, Excerpt.VALUE_CHARS)
                + " alone: the model keeps state between requests or uses other rows.");
      }
    }
    return Verdict.passed(
        (rows == dataset.size() ? "All " + rows : "The first " + rows)
            + " rows predicted one by one equal their predictions in the whole dataset.");
  }
}
