package io.modelops.operator.api.v1alpha1.customjob;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A baseline value of a hosted custom metric. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MetricBaseline {
  @Required
  @JsonPropertyDescription("The baseline value.")
  private Double value;

  public Double getValue() {
    return value;
  }

  public void setValue(Double value) {
    this.value = value;
  }
}
