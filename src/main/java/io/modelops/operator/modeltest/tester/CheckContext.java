package io.modelops.operator.modeltest.tester;

import io.modelops.operator.modeltest.TestReport;
import java.io.PrintStream;
import java.util.Optional;

/**
 * What the checks of one test share: the plan, the server, the dataset (read once, on first use)
 * and the whole-dataset predictions (asked once, used by several checks).
 */
final class CheckContext {
  private final ResolvedPlan plan;
  private final ModelServer server;
  private final PrintStream progress;
  private Dataset dataset;
  private DatasetException datasetProblem;
  private PredictionShape.Checked wholeDataset;
  private TestReport.PerformanceFigures performance;

  CheckContext(ResolvedPlan plan, ModelServer server, PrintStream progress) {
    this.plan = plan;
    this.server = server;
    this.progress = progress;
  }

  ResolvedPlan plan() {
    return plan;
  }

  ModelServer server() {
    return server;
  }

  /** Prints one progress line to the tester's log. */
  void progress(String line) {
    progress.println("modelops-tester: " + line);
  }

  /** The dataset (empty for an Unstructured model tested without one). */
  Dataset dataset() throws DatasetException {
    if (dataset == null && datasetProblem == null) {
      if (plan.dataset().isEmpty()) {
        dataset = Dataset.empty();
      } else {
        try {
          dataset = DatasetReader.read(plan.dataset().get(), plan.nonFeatureColumns());
          progress(
              "dataset: "
                  + dataset.size()
                  + " rows, features "
                  + Excerpt.of(String.join(", ", dataset.features()), 300));
        } catch (DatasetException e) {
          datasetProblem = e;
        }
      }
    }
    if (datasetProblem != null) {
      throw datasetProblem;
    }
    return dataset;
  }

  /** The server's predictions for the whole dataset, asked on first use. */
  PredictionShape.Checked wholeDataset() throws DatasetException {
    if (wholeDataset == null) {
      Dataset d = dataset();
      progress("predicting the whole dataset (" + d.size() + " rows)");
      ServerAnswer answer = server.predict(d.features(0, d.size()));
      wholeDataset =
          PredictionShape.check(
              answer, d.size(), "the whole dataset (" + d.size() + " rows)", plan);
    }
    return wholeDataset;
  }

  void performance(TestReport.PerformanceFigures figures) {
    this.performance = figures;
  }

  Optional<TestReport.PerformanceFigures> performance() {
    return Optional.ofNullable(performance);
  }
}
