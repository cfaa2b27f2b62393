package io.modelops.operator.api.v1alpha1.custommodeltest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** The setting of each of the four checks; an unset check takes its default. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.errorCheck) || self.errorCheck != 'warn'",
    message = "errorCheck may be fail or skip",
    fieldPath = ".errorCheck")
@ValidationRule(
    value = "!has(self.longRunningService) || self.longRunningService == 'fail'",
    message = "longRunningService may only be fail",
    fieldPath = ".longRunningService")
public class CheckConfiguration {
  public static final CheckSetting DEFAULT_ERROR_CHECK = CheckSetting.FAIL;
  public static final CheckSetting DEFAULT_LONG_RUNNING_SERVICE = CheckSetting.FAIL;
  public static final CheckSetting DEFAULT_NULL_VALUE_IMPUTATION = CheckSetting.SKIP;
  public static final CheckSetting DEFAULT_SIDE_EFFECTS = CheckSetting.SKIP;

  @JsonPropertyDescription(
      "The model makes predictions on the whole dataset without an error: fail or skip."
          + " Default: fail.")
  private CheckSetting errorCheck;

  @JsonPropertyDescription(
      "The image launches and the server stays up; when it cannot, the test fails and the later"
          + " checks are aborted: fail. Default: fail.")
  private CheckSetting longRunningService;

  @JsonPropertyDescription(
      "The model answers rows with missing values (needed for feature impact): skip, warn or"
          + " fail. Default: skip.")
  private CheckSetting nullValueImputation;

  @JsonPropertyDescription(
      "Predictions on the whole dataset match row-by-row predictions (the model keeps no state"
          + " between requests): skip, warn or fail. Default: skip.")
  private CheckSetting sideEffects;

  public CheckSetting getErrorCheck() {
    return errorCheck;
  }

  public void setErrorCheck(CheckSetting errorCheck) {
    this.errorCheck = errorCheck;
  }

  public CheckSetting getLongRunningService() {
    return longRunningService;
  }

  public void setLongRunningService(CheckSetting longRunningService) {
    this.longRunningService = longRunningService;
  }

  public CheckSetting getNullValueImputation() {
    return nullValueImputation;
  }

  public void setNullValueImputation(CheckSetting nullValueImputation) {
    this.nullValueImputation = nullValueImputation;
  }

  public CheckSetting getSideEffects() {
    return sideEffects;
  }

  public void setSideEffects(CheckSetting sideEffects) {
    this.sideEffects = sideEffects;
  }
}
