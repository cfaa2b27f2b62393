package io.modelops.operator.modeltest.tester;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a prediction answer has the shape the target type promises: one prediction per row;
 * Binary and Multiclass a map over exactly the class labels to probabilities in [0, 1] summing to 1
 * (within {@link #SUM_TOLERANCE}); Regression and Anomaly a finite number; TextGeneration a string;
 * Transform an object (the transformed row). Unstructured (and VectorDatabase) answers are passed
 * through: any 2xx answer will do.
 */
public final class PredictionShape {
  /** How far a row's probabilities may sum from 1. */
  public static final double SUM_TOLERANCE = 1e-3;

  private PredictionShape() {}

  /**
   * The answer's predictions, or a sentence saying why they are not usable.
   *
   * @param predictions one JSON value per row when the answer is usable (empty for passthrough)
   * @param problem what is wrong, starting with "Predicting {what}:", or null
   */
  public record Checked(List<JsonNode> predictions, String problem) {
    public boolean ok() {
      return problem == null;
    }
  }

  /**
   * Checks {@code answer} to a prediction request of {@code rows} rows described by {@code what}.
   */
  public static Checked check(ServerAnswer answer, int rows, String what, ResolvedPlan plan) {
    String prefix = "Predicting " + what + ": ";
    if (!answer.ok()) {
      return problem(prefix + "the server " + answer.describe() + ".");
    }
    if (plan.passthrough()) {
      return new Checked(List.of(), null);
    }
    Optional<JsonNode> json = answer.json();
    if (json.isEmpty()) {
      return problem(
          prefix
              + "the server answered HTTP "
              + answer.status()
              + " but not with JSON: "
              + Excerpt.of(answer.body(), Excerpt.ANSWER_CHARS)
              + ".");
    }
    JsonNode list = json.get().get("predictions");
    if (list == null || !list.isArray()) {
      return problem(
          prefix
              + "the answer has no \"predictions\" list: "
              + Excerpt.json(json.get(), Excerpt.ANSWER_CHARS)
              + ".");
    }
    if (list.size() != rows) {
      return problem(
          prefix + "the server answered " + list.size() + " predictions for " + rows + " rows.");
    }
    List<JsonNode> predictions = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      JsonNode p = list.get(i);
      String wrong = wrong(p, plan);
      if (wrong != null) {
        return problem(
            prefix
                + "the prediction for row "
                + (i + 1)
                + ", "
                + Excerpt.json(p, Excerpt.VALUE_CHARS)
                + ", "
                + wrong
                + ".");
      }
      predictions.add(p);
    }
    return new Checked(predictions, null);
  }

  /** What is wrong with one prediction, or null. */
  static String wrong(JsonNode p, ResolvedPlan plan) {
    switch (plan.targetType()) {
      case BINARY:
      case MULTICLASS:
        return wrongProbabilities(p, plan.classLabels());
      case REGRESSION:
      case ANOMALY:
        return p.isNumber() && Double.isFinite(p.asDouble()) ? null : "is not a finite number";
      case TEXT_GENERATION:
        return p.isTextual() ? null : "is not a string";
      case TRANSFORM:
        return p.isObject() ? null : "is not a row (a JSON object of column to value)";
      default:
        return null;
    }
  }

  private static String wrongProbabilities(JsonNode p, List<String> labels) {
    String expected =
        "a map of the class labels "
            + labels.stream().map(l -> "\"" + l + "\"").collect(Collectors.joining(", "))
            + " to probabilities";
    if (!p.isObject()) {
      return "is not " + expected;
    }
    Set<String> keys = new HashSet<>();
    p.fieldNames().forEachRemaining(keys::add);
    if (!keys.equals(Set.copyOf(labels))) {
      return "is not " + expected + " (it has " + String.join(", ", keys) + ")";
    }
    double sum = 0;
    for (Iterator<String> it = p.fieldNames(); it.hasNext(); ) {
      String label = it.next();
      JsonNode v = p.get(label);
      if (!v.isNumber() || !(v.asDouble() >= 0 && v.asDouble() <= 1)) {
        return "gives \"" + label + "\" a probability outside [0, 1]";
      }
      sum += v.asDouble();
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      return "has probabilities summing to " + sum + ", not 1";
    }
    return null;
  }

  private static Checked problem(String problem) {
    return new Checked(List.of(), problem);
  }
}
