package io.modelops.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * Horizontal autoscaling of the served version: the operator creates a HorizontalPodAutoscaler
 * (autoscaling/v2) for the served Deployment with these bounds and metrics, and leaves that
 * Deployment's replicas to it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.minReplicas) || self.minReplicas <= self.maxReplicas",
    message = "autoscaling.minReplicas must not be greater than autoscaling.maxReplicas",
    fieldPath = ".minReplicas")
public class Autoscaling {
  @Min(1)
  @Max(8)
  @JsonPropertyDescription(
      "Fewest serving pods, 1..8, at most maxReplicas. Default: 1, or 2 with requiresHa (which"
          + " needs at least 2).")
  private Integer minReplicas;

  @Required
  @Min(1)
  @Max(8)
  @JsonPropertyDescription(
      "Most serving pods, 1..8 and at most the operator's maxCustomModelReplicasPerDeployment"
          + " (refused with LimitExceeded above it).")
  private Integer maxReplicas;

  @Size(min = 1, max = 4)
  @JsonPropertyDescription(
      "What the autoscaler scales on, in the shape of autoscaling/v2 MetricSpec restricted to"
          + " Resource (cpu or memory of the model container) and Pods (a per-pod metric of a"
          + " custom metrics adapter); at most 4. Default: cpu at 80% average utilization of the"
          + " request.")
  private List<AutoscalingMetric> metrics;

  public Integer getMinReplicas() {
    return minReplicas;
  }

  public void setMinReplicas(Integer minReplicas) {
    this.minReplicas = minReplicas;
  }

  public Integer getMaxReplicas() {
    return maxReplicas;
  }

  public void setMaxReplicas(Integer maxReplicas) {
    this.maxReplicas = maxReplicas;
  }

  public List<AutoscalingMetric> getMetrics() {
    return metrics;
  }

  public void setMetrics(List<AutoscalingMetric> metrics) {
    this.metrics = metrics;
  }
}
