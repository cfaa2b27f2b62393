package io.modelops.operator.api.v1alpha1.customjob;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** A metric a hostedCustomMetric job computes: its name, type, direction and baseline. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CustomMetric {
  @Required
  @Size(max = 100)
  @JsonPropertyDescription("Name of the metric.")
  private String name;

  @Size(max = 256)
  @JsonPropertyDescription("What the metric measures.")
  private String description;

  @Required
  @JsonPropertyDescription("Type and aggregation: average, categorical, gauge or sum.")
  private MetricType type;

  @JsonPropertyDescription("higherIsBetter or lowerIsBetter.")
  private MetricDirectionality directionality;

  @Size(max = 64)
  @JsonPropertyDescription("Units or y-axis label.")
  private String units;

  @JsonPropertyDescription("Whether the metric belongs to the model (true) or the deployment.")
  private Boolean isModelSpecific;

  @Size(max = 5)
  @JsonPropertyDescription("Up to 5 baseline values.")
  private List<MetricBaseline> baselineValues;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public MetricType getType() {
    return type;
  }

  public void setType(MetricType type) {
    this.type = type;
  }

  public MetricDirectionality getDirectionality() {
    return directionality;
  }

  public void setDirectionality(MetricDirectionality directionality) {
    this.directionality = directionality;
  }

  public String getUnits() {
    return units;
  }

  public void setUnits(String units) {
    this.units = units;
  }

  public Boolean getIsModelSpecific() {
    return isModelSpecific;
  }

  public void setIsModelSpecific(Boolean isModelSpecific) {
    this.isModelSpecific = isModelSpecific;
  }

  public List<MetricBaseline> getBaselineValues() {
    return baselineValues;
  }

  public void setBaselineValues(List<MetricBaseline> baselineValues) {
    this.baselineValues = baselineValues;
  }
}
