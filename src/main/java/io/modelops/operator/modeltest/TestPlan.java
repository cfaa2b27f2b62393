package io.modelops.operator.modeltest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.modelops.operator.api.v1alpha1.custommodel.TargetType;
import io.modelops.operator.api.v1alpha1.custommodeltest.CheckSetting;
import java.util.List;

/**
 * What the tester is asked to do: which server, which model (target type and labels), which
 * dataset, and which checks with which setting. Written by the operator as JSON into the tester's
 * environment ({@link TesterContract#PLAN_ENV}); nothing in it is a secret.
 *
 * @param serverUrl the model server's base URL including its URL prefix, e.g. {@code
 *     http://127.0.0.1:8080/predict-api}; the tester calls {@code GET <serverUrl>/} and {@code POST
 *     <serverUrl>/predict_no_state/}
 * @param targetType what the model predicts
 * @param targetName the target column (excluded from the features sent to the server)
 * @param classLabels the class labels of a Binary (positive, negative) or Multiclass model
 * @param predictionThreshold a Binary model's threshold, if any
 * @param datasetPath a CSV file with a header row; null only for Unstructured models
 * @param checks the setting of each check
 * @param readinessTimeoutSeconds how long the server may take to answer {@code GET /} with 200
 * @param requestTimeoutSeconds how long one prediction request may take
 * @param stayUpSeconds how long the server must keep answering after the checks (long running)
 * @param expectedPredictions optional: compare predictions with a column of the dataset
 * @param performance optional: measure latency and throughput with parallel clients
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TestPlan(
    String serverUrl,
    TargetType targetType,
    String targetName,
    List<String> classLabels,
    Double predictionThreshold,
    String datasetPath,
    Checks checks,
    Integer readinessTimeoutSeconds,
    Integer requestTimeoutSeconds,
    Integer stayUpSeconds,
    ExpectedPredictions expectedPredictions,
    Performance performance) {

  /** The seed's four checks and their settings (defaults: fail, fail, skip, skip). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Checks(
      CheckSetting errorCheck,
      CheckSetting longRunningService,
      CheckSetting nullValueImputation,
      CheckSetting sideEffects) {}

  /**
   * Compare each row's prediction with a column of the dataset: numbers within an absolute
   * tolerance, labels exactly.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ExpectedPredictions(String column, Double tolerance, CheckSetting setting) {}

  /** Send {@code requests} prediction requests from {@code parallelUsers} clients at once. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Performance(Integer parallelUsers, Integer requests) {}
}
