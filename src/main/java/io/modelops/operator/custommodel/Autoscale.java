package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTargetBuilder;
import io.modelops.operator.api.v1alpha1.common.Autoscaling;
import io.modelops.operator.api.v1alpha1.common.AutoscalingMetric;
import io.modelops.operator.config.OperatorLimits;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.util.List;

/**
 * The autoscaling that applies to a served version, defaults resolved: the bounds and metrics of
 * its HorizontalPodAutoscaler.
 *
 * @param minReplicas fewest replicas (1, or 2 with requiresHa, unless given)
 * @param maxReplicas most replicas, within the operator limit
 * @param metrics the autoscaling/v2 metrics (cpu at {@value #DEFAULT_CPU_UTILIZATION}% unless
 *     given)
 */
public record Autoscale(int minReplicas, int maxReplicas, List<MetricSpec> metrics) {
  static final int DEFAULT_CPU_UTILIZATION = 80;

  public Autoscale {
    metrics = List.copyOf(metrics);
  }

  /** {@code replicas} within the bounds: where a Deployment starts, what the autoscaler keeps. */
  public int clamp(int replicas) {
    return Math.max(minReplicas, Math.min(maxReplicas, replicas));
  }

  /**
   * Resolves {@code spec} (named {@code field} in problems), adding a problem for each limit it
   * breaks; the schema already bounds what it can see on one object.
   */
  static Autoscale resolve(
      Autoscaling spec,
      String field,
      boolean requiresHa,
      OperatorLimits limits,
      List<Problem> problems) {
    int max = spec.getMaxReplicas() == null ? 1 : spec.getMaxReplicas();
    int min = spec.getMinReplicas() != null ? spec.getMinReplicas() : requiresHa ? 2 : 1;
    if (max > limits.maxCustomModelReplicasPerDeployment()) {
      problems.add(
          Problem.of(
              Reasons.LIMIT_EXCEEDED,
              field
                  + ".maxReplicas "
                  + max
                  + " exceeds the operator limit maxCustomModelReplicasPerDeployment="
                  + limits.maxCustomModelReplicasPerDeployment()));
    }
    if (requiresHa && min < 2) {
      problems.add(
          Problem.of(
              Reasons.HIGH_AVAILABILITY_NEEDS_REPLICAS,
              "requiresHa needs at least 2 replicas but " + field + ".minReplicas is " + min));
    }
    if (min > max) {
      problems.add(
          Problem.of(
              Reasons.INVALID_SPEC,
              field + ".minReplicas " + min + " is greater than maxReplicas " + max));
    }
    List<MetricSpec> metrics =
        spec.getMetrics() == null || spec.getMetrics().isEmpty()
            ? List.of(
                resourceMetric(
                    "cpu",
                    new MetricTargetBuilder()
                        .withType("Utilization")
                        .withAverageUtilization(DEFAULT_CPU_UTILIZATION)
                        .build()))
            : spec.getMetrics().stream().map(Autoscale::metric).toList();
    return new Autoscale(min, max, metrics);
  }

  private static MetricSpec metric(AutoscalingMetric m) {
    if (m.getType() == AutoscalingMetric.Type.PODS) {
      return new MetricSpecBuilder()
          .withType("Pods")
          .withNewPods()
          .withNewMetric()
          .withName(m.getPods().getMetric().getName())
          .endMetric()
          .withTarget(target(m.getPods().getTarget()))
          .endPods()
          .build();
    }
    String name =
        m.getResource().getName() == AutoscalingMetric.ResourceName.MEMORY ? "memory" : "cpu";
    return resourceMetric(name, target(m.getResource().getTarget()));
  }

  private static MetricSpec resourceMetric(String name, MetricTarget target) {
    return new MetricSpecBuilder()
        .withType("Resource")
        .withNewResource()
        .withName(name)
        .withTarget(target)
        .endResource()
        .build();
  }

  private static MetricTarget target(AutoscalingMetric.Target t) {
    return t.getType() == AutoscalingMetric.TargetType.UTILIZATION
        ? new MetricTargetBuilder()
            .withType("Utilization")
            .withAverageUtilization(t.getAverageUtilization())
            .build()
        : new MetricTargetBuilder()
            .withType("AverageValue")
            .withAverageValue(new Quantity(t.getAverageValue()))
            .build();
  }
}
