package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.modelops.operator.naming.ModelLabels;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who sets the replicas of the target version's Deployment, and how many. Without autoscaling the
 * operator does (the effective replicas, 0 when serving is disabled). With autoscaling the
 * HorizontalPodAutoscaler follows the Deployment the Service routes to: that Deployment's replicas
 * are the autoscaler's once it exists ({@code handedOver}: the operator's apply leaves the field
 * out), while a new version rolled out blue/green starts at the served Deployment's current count
 * and keeps following it until the switch, when the autoscaler is moved onto it.
 *
 * @param replicas the replicas wanted now: the operator's, or the autoscaler's current choice
 * @param handedOver the target Deployment's replicas belong to the autoscaler
 * @param autoscaler the autoscaler to have, when autoscaling applies
 */
public record ScalingDecision(int replicas, boolean handedOver, Optional<Autoscaler> autoscaler) {

  /**
   * The HorizontalPodAutoscaler of a model.
   *
   * @param name its name
   * @param scaleTarget the Deployment it scales: the one the Service routes to
   * @param minReplicas fewest replicas
   * @param maxReplicas most replicas
   * @param metrics what it scales on
   */
  public record Autoscaler(
      String name, String scaleTarget, int minReplicas, int maxReplicas, List<MetricSpec> metrics) {
    public Autoscaler {
      metrics = List.copyOf(metrics);
    }
  }

  /**
   * @param serving the effective serving settings
   * @param enabled serving is enabled
   * @param autoscalerName the name of the model's autoscaler
   * @param deploymentName the target version's Deployment
   * @param routeTo the version label the Service routes to after this reconcile
   * @param targetLabel the target version's label
   * @param deployments the model's Deployments as observed
   */
  static ScalingDecision decide(
      EffectiveServing.Resolved serving,
      boolean enabled,
      String autoscalerName,
      String deploymentName,
      String routeTo,
      String targetLabel,
      List<Deployment> deployments) {
    if (!enabled) {
      return new ScalingDecision(0, false, Optional.empty());
    }
    if (serving.autoscale().isEmpty()) {
      return new ScalingDecision(serving.replicas(), false, Optional.empty());
    }
    Autoscale autoscale = serving.autoscale().get();
    // The served Deployment: the target's own when the Service routes to the target.
    Optional<Deployment> served =
        deployments.stream()
            .filter(d -> routeTo.equals(d.getMetadata().getLabels().get(ModelLabels.VERSION)))
            .min(
                Comparator.comparing(
                    (Deployment d) -> d.getMetadata().getName().equals(deploymentName) ? 0 : 1));
    int current =
        served
            .map(d -> d.getSpec().getReplicas())
            .map(autoscale::clamp)
            .orElse(autoscale.minReplicas());
    String scaleTarget =
        routeTo.equals(targetLabel)
            ? deploymentName
            : served.map(d -> d.getMetadata().getName()).orElse(deploymentName);
    boolean targetExists =
        deployments.stream().anyMatch(d -> d.getMetadata().getName().equals(deploymentName));
    boolean handedOver = routeTo.equals(targetLabel) && targetExists;
    return new ScalingDecision(
        current,
        handedOver,
        Optional.of(
            new Autoscaler(
                autoscalerName,
                scaleTarget,
                autoscale.minReplicas(),
                autoscale.maxReplicas(),
                autoscale.metrics())));
  }
}
