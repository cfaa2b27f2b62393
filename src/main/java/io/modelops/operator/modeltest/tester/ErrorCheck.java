package io.modelops.operator.modeltest.tester;

import io.modelops.operator.api.v1alpha1.custommodeltest.CheckSetting;
import java.util.Locale;

/**
 * The seed's {@code errorCheck}: the model predicts the whole test dataset in one request, with one
 * prediction per row of the target type's shape ({@link PredictionShape}). An Unstructured model
 * without a dataset is sent {@code {"X": {}}}; any 2xx answer passes.
 */
final class ErrorCheck implements Check {
  static final String NAME = "errorCheck";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckSetting setting(ResolvedPlan plan) {
    return plan.settings().errorCheck();
  }

  @Override
  public Verdict run(CheckContext context) throws DatasetException {
    PredictionShape.Checked whole = context.wholeDataset();
    if (!whole.ok()) {
      return Verdict.failed(whole.problem());
    }
    int rows = context.dataset().size();
    if (context.plan().passthrough()) {
      return Verdict.passed(
          rows == 0
              ? "The server answered a prediction request without data with a 2xx status."
              : "The server answered the prediction request for the whole dataset ("
                  + rows
                  + " rows) with a 2xx status.");
    }
    return Verdict.passed(
        "The server predicted all "
            + rows
            + " rows of the dataset, each prediction of the "
            + context.plan().targetType().name().toLowerCase(Locale.ROOT).replace('_', ' ')
            + " shape.");
  }
}
