package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.naming.ModelLabels;
import io.modelops.operator.naming.ModelNames;
import io.modelops.operator.naming.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides how a validated model is served ({@link ServingPlan}): the target version's Deployment
 * name and replicas (0 when serving is disabled; who sets them: {@link ScalingDecision}), and the
 * blue/green routing ({@link BlueGreen}) from the observed Service and Deployments. Builds no
 * objects: the dependent resources do. Pure: all lookups come in as arguments.
 */
public final class ServingPlanner {
  public static final int PORT = 8080;

  private ServingPlanner() {}

  public static ServingPlan plan(
      CustomModel model,
      CustomModelValidator.Valid valid,
      Observed observed,
      OperatorConfig config) {
    String namespace = model.getMetadata().getNamespace();
    String modelName = model.getMetadata().getName();
    String versionName = valid.version().getMetadata().getName();
    boolean enabled =
        model.getSpec().getServing() == null
            || model.getSpec().getServing().getEnabled() == null
            || model.getSpec().getServing().getEnabled();
    String deploymentName = ModelNames.deployment(versionName);

    Map<String, Boolean> available = new LinkedHashMap<>();
    Map<String, List<String>> deploymentsByVersion = new LinkedHashMap<>();
    boolean ownAvailable = false;
    for (Deployment d : observed.deployments()) {
      String v = d.getMetadata().getLabels().get(ModelLabels.VERSION);
      deploymentsByVersion
          .computeIfAbsent(v, k -> new ArrayList<>())
          .add(d.getMetadata().getName());
      available.merge(v, isAvailable(d), Boolean::logicalOr);
      ownAvailable |= d.getMetadata().getName().equals(deploymentName) && isAvailable(d);
    }
    String label = Names.labelValue(versionName);
    var decision =
        enabled
            ? BlueGreen.decide(observed.routedVersion(), label, available)
            : new BlueGreen.Decision(label, Set.of(label), false);
    Set<String> kept = new LinkedHashSet<>();
    for (String keep : decision.keep()) {
      for (String name : deploymentsByVersion.getOrDefault(keep, List.of())) {
        // Another Deployment of the target version (named by an earlier naming scheme) serves
        // until the target's own Deployment is Available.
        boolean superseded = keep.equals(label) && ownAvailable;
        if (!name.equals(deploymentName) && !superseded) {
          kept.add(name);
        }
      }
    }
    var scaling =
        ScalingDecision.decide(
            valid.serving(),
            enabled,
            ModelNames.autoscaler(modelName),
            deploymentName,
            decision.routeTo(),
            label,
            observed.deployments());
    String serviceName = ModelNames.service(modelName);
    String urlPrefix = ModelNames.urlPrefix(modelName);
    String endpoint =
        "http://" + serviceName + "." + namespace + ".svc.cluster.local:" + PORT + urlPrefix + "/";
    return new ServingPlan(
        versionName,
        decision.routeTo(),
        decision.replacing(),
        scaling.replicas(),
        scaling,
        deploymentName,
        kept,
        serviceName,
        ModelNames.networkPolicy(modelName),
        urlPrefix,
        endpoint,
        valid.resolved(),
        valid.serving(),
        config);
  }

  /**
   * A Deployment is Available when all its replicas are updated and available — of an autoscaled
   * Deployment, at least its minimum (pods still starting after a scale-up are no rollout).
   */
  public static boolean isAvailable(Deployment d) {
    if (d.getStatus() == null
        || d.getSpec().getReplicas() == null
        || d.getSpec().getReplicas() == 0) {
      return false;
    }
    int want = Math.min(d.getSpec().getReplicas(), autoscalingMinimum(d));
    long generation = d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
    long observedGeneration =
        d.getStatus().getObservedGeneration() == null ? -1 : d.getStatus().getObservedGeneration();
    return observedGeneration >= generation
        && orZero(d.getStatus().getUpdatedReplicas()) >= want
        && orZero(d.getStatus().getAvailableReplicas()) >= want;
  }

  private static int autoscalingMinimum(Deployment d) {
    Map<String, String> annotations = d.getMetadata().getAnnotations();
    String min =
        annotations == null ? null : annotations.get(ModelLabels.AUTOSCALING_MIN_ANNOTATION);
    try {
      return min == null ? Integer.MAX_VALUE : Math.max(1, Integer.parseInt(min));
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }
}
