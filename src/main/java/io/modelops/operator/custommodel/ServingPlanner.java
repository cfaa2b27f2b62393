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
 * name and replicas (0 when serving is disabled), and the blue/green routing ({@link BlueGreen})
 * from the observed Service and Deployments. Builds no objects: the dependent resources do. Pure:
 * all lookups come in as arguments.
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
    int replicas = enabled ? valid.serving().replicas() : 0;
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
    String serviceName = ModelNames.service(modelName);
    String urlPrefix = ModelNames.urlPrefix(modelName);
    String endpoint =
        "http://" + serviceName + "." + namespace + ".svc.cluster.local:" + PORT + urlPrefix + "/";
    return new ServingPlan(
        versionName,
        decision.routeTo(),
        decision.replacing(),
        replicas,
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

  /** A Deployment is Available when all its replicas are updated and available. */
  public static boolean isAvailable(Deployment d) {
    if (d.getStatus() == null
        || d.getSpec().getReplicas() == null
        || d.getSpec().getReplicas() == 0) {
      return false;
    }
    int want = d.getSpec().getReplicas();
    long generation = d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
    long observedGeneration =
        d.getStatus().getObservedGeneration() == null ? -1 : d.getStatus().getObservedGeneration();
    return observedGeneration >= generation
        && orZero(d.getStatus().getUpdatedReplicas()) >= want
        && orZero(d.getStatus().getAvailableReplicas()) >= want;
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }
}
