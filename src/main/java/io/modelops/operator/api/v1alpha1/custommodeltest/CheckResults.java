package io.modelops.operator.api.v1alpha1.custommodeltest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The outcome of each check of a test, by the check's name. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CheckResults {
  @JsonPropertyDescription("Predictions on the whole dataset.")
  private CheckResult errorCheck;

  @JsonPropertyDescription("The server launched and stayed up.")
  private CheckResult longRunningService;

  @JsonPropertyDescription("Rows with missing values.")
  private CheckResult nullValueImputation;

  @JsonPropertyDescription("Whole-dataset predictions against row-by-row predictions.")
  private CheckResult sideEffects;

  @JsonPropertyDescription("Predictions against the expected column (when asked).")
  private CheckResult expectedPredictions;

  @JsonPropertyDescription("Latency and throughput (when asked).")
  private CheckResult performance;

  public CheckResult getErrorCheck() {
    return errorCheck;
  }

  public void setErrorCheck(CheckResult errorCheck) {
    this.errorCheck = errorCheck;
  }

  public CheckResult getLongRunningService() {
    return longRunningService;
  }

  public void setLongRunningService(CheckResult longRunningService) {
    this.longRunningService = longRunningService;
  }

  public CheckResult getNullValueImputation() {
    return nullValueImputation;
  }

  public void setNullValueImputation(CheckResult nullValueImputation) {
    this.nullValueImputation = nullValueImputation;
  }

  public CheckResult getSideEffects() {
    return sideEffects;
  }

  public void setSideEffects(CheckResult sideEffects) {
    this.sideEffects = sideEffects;
  }

  public CheckResult getExpectedPredictions() {
    return expectedPredictions;
  }

  public void setExpectedPredictions(CheckResult expectedPredictions) {
    this.expectedPredictions = expectedPredictions;
  }

  public CheckResult getPerformance() {
    return performance;
  }

  public void setPerformance(CheckResult performance) {
    this.performance = performance;
  }
}
