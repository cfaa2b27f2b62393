package io.modelops.operator.api.v1alpha1.custommodeltest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Compare each row's prediction with a column of the dataset (numbers within a tolerance). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.setting) || self.setting != 'skip'",
    message =
        "expectedPredictions.setting may be fail or warn (leave expectedPredictions out to"
            + " skip it)",
    fieldPath = ".setting")
public class ExpectedPredictions {
  @Required
  @Size(max = 500)
  @JsonPropertyDescription("The dataset column holding the expected prediction of each row.")
  private String column;

  @Min(0)
  @JsonPropertyDescription(
      "Largest absolute difference accepted between a numeric prediction and its expected"
          + " value. Default: 0.000001. Labels must match exactly.")
  private Double tolerance;

  @JsonPropertyDescription("What a mismatch does: fail or warn. Default: fail.")
  private CheckSetting setting;

  public String getColumn() {
    return column;
  }

  public void setColumn(String column) {
    this.column = column;
  }

  public Double getTolerance() {
    return tolerance;
  }

  public void setTolerance(Double tolerance) {
    this.tolerance = tolerance;
  }

  public CheckSetting getSetting() {
    return setting;
  }

  public void setSetting(CheckSetting setting) {
    this.setting = setting;
  }
}
