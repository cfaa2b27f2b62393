package io.modelops.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * One metric of {@link Autoscaling}: the autoscaling/v2 MetricSpec shape, restricted to the model's
 * own pods (Resource, Pods). Object and External metrics are left out: they read objects and series
 * outside the model, which a tenant should not steer scaling by.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "self.type == 'Resource' ? (has(self.resource) && !has(self.pods)) : (has(self.pods) && !has(self.resource))",
    message = "a metric of type Resource needs resource (and no pods); of type Pods, pods")
public class AutoscalingMetric {
  /** The metric sources a model may scale on. */
  public enum Type {
    @JsonProperty("Resource")
    RESOURCE,
    @JsonProperty("Pods")
    PODS
  }

  /** The container resources a Resource metric may name. */
  public enum ResourceName {
    @JsonProperty("cpu")
    CPU,
    @JsonProperty("memory")
    MEMORY
  }

  /** How a target is given. */
  public enum TargetType {
    @JsonProperty("Utilization")
    UTILIZATION,
    @JsonProperty("AverageValue")
    AVERAGE_VALUE
  }

  @Required
  @JsonPropertyDescription("Resource (cpu or memory of the pods) or Pods (a per-pod metric).")
  private Type type;

  @JsonPropertyDescription("The resource metric, with type Resource.")
  private ResourceMetric resource;

  @JsonPropertyDescription("The per-pod metric, with type Pods.")
  private PodsMetric pods;

  public Type getType() {
    return type;
  }

  public void setType(Type type) {
    this.type = type;
  }

  public ResourceMetric getResource() {
    return resource;
  }

  public void setResource(ResourceMetric resource) {
    this.resource = resource;
  }

  public PodsMetric getPods() {
    return pods;
  }

  public void setPods(PodsMetric pods) {
    this.pods = pods;
  }

  /** A resource of the model's pods and its target. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class ResourceMetric {
    @Required
    @JsonPropertyDescription("cpu or memory.")
    private ResourceName name;

    @Required
    @JsonPropertyDescription("The value the autoscaler keeps the average at.")
    private Target target;

    public ResourceName getName() {
      return name;
    }

    public void setName(ResourceName name) {
      this.name = name;
    }

    public Target getTarget() {
      return target;
    }

    public void setTarget(Target target) {
      this.target = target;
    }
  }

  /** A per-pod metric served by a custom metrics adapter, and its target. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value = "self.target.type == 'AverageValue'",
      message = "a Pods metric target must be of type AverageValue",
      fieldPath = ".target.type")
  public static class PodsMetric {
    @Required
    @JsonPropertyDescription("The metric, by name.")
    private MetricName metric;

    @Required
    @JsonPropertyDescription("The average value per pod the autoscaler keeps the metric at.")
    private Target target;

    public MetricName getMetric() {
      return metric;
    }

    public void setMetric(MetricName metric) {
      this.metric = metric;
    }

    public Target getTarget() {
      return target;
    }

    public void setTarget(Target target) {
      this.target = target;
    }
  }

  /** A metric's name, as the custom metrics API serves it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class MetricName {
    @Required
    @Size(max = 253)
    @Pattern("^[A-Za-z_:][A-Za-z0-9_:.-]*$")
    @JsonPropertyDescription("Name of the metric, e.g. http_requests_per_second.")
    private String name;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }
  }

  /** A metric target: a utilization of the request, or an average value. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value =
          "self.type == 'Utilization' ? (has(self.averageUtilization) && !has(self.averageValue)) : (has(self.averageValue) && !has(self.averageUtilization))",
      message =
          "target type Utilization needs averageUtilization (and no averageValue); AverageValue"
              + " needs averageValue")
  public static class Target {
    @Required
    @JsonPropertyDescription(
        "Utilization (percent of the container's request) or AverageValue (a quantity).")
    private TargetType type;

    @Min(1)
    @Max(1000)
    @JsonPropertyDescription(
        "Average utilization across the pods, in percent of the request, 1..1000 (type"
            + " Utilization).")
    private Integer averageUtilization;

    @Size(max = 64)
    @Pattern(Formats.QUANTITY)
    @JsonPropertyDescription(
        "Average value across the pods, a quantity such as 500m or 1Gi (type" + " AverageValue).")
    private String averageValue;

    public TargetType getType() {
      return type;
    }

    public void setType(TargetType type) {
      this.type = type;
    }

    public Integer getAverageUtilization() {
      return averageUtilization;
    }

    public void setAverageUtilization(Integer averageUtilization) {
      this.averageUtilization = averageUtilization;
    }

    public String getAverageValue() {
      return averageValue;
    }

    public void setAverageValue(String averageValue) {
      this.averageValue = averageValue;
    }
  }
}
