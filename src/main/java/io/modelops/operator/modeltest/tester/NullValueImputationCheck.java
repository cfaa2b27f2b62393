package io.modelops.operator.modeltest.tester;

import io.modelops.operator.api.v1alpha1.custommodeltest.CheckSetting;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's {@code nullValueImputation}: for each feature column in turn, the first {@link
 * #MAX_ROWS} rows are predicted with that column null in every row; each answer must be a valid
 * prediction per row. A failure names the first failing column, what the server answered, and the
 * other columns that failed. Testing stops at the first request the server did not answer at all
 * (it may be down or hung).
 */
final class NullValueImputationCheck implements Check {
  static final String NAME = "nullValueImputation";

  /** Rows sent with each column set to null. */
  static final int MAX_ROWS = 100;

  private static final int MAX_NAMED_COLUMNS = 10;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckSetting setting(ResolvedPlan plan) {
    return plan.settings().nullValueImputation();
  }

  @Override
  public Verdict run(CheckContext context) throws DatasetException {
    if (context.plan().passthrough()) {
      return Verdict.notApplicable(
          "Not applicable: the answers of Unstructured models are not interpreted.");
    }
    Dataset dataset = context.dataset();
    int rows = Math.min(dataset.size(), MAX_ROWS);
    String first = null;
    List<String> failing = new ArrayList<>();
    for (String column : dataset.features()) {
      context.progress("nullValueImputation: " + rows + " rows with " + column + " null");
      ServerAnswer answer = context.server().predict(dataset.features(0, rows, column));
      PredictionShape.Checked checked =
          PredictionShape.check(
              answer,
              rows,
              (rows == 1 ? "row 1" : "rows 1-" + rows) + " with column " + column + " null",
              context.plan());
      if (!checked.ok()) {
        failing.add(column);
        if (first == null) {
          first = checked.problem();
        }
        if (answer.failure() != null) {
          break;
        }
      }
    }
    if (first == null) {
      return Verdict.passed(
          "The server predicted rows with each of the "
              + dataset.features().size()
              + " feature columns null.");
    }
    StringBuilder message = new StringBuilder(first);
    if (failing.size() > 1) {
      List<String> others = failing.subList(1, Math.min(failing.size(), MAX_NAMED_COLUMNS + 1));
      message
          .append(" Other columns the model does not accept null in: ")
          .append(String.join(", ", others))
          .append(failing.size() > MAX_NAMED_COLUMNS + 1 ? ", …" : "")
          .append('.');
    }
    return Verdict.failed(message.toString());
  }
}
