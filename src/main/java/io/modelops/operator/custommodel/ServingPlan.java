package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a CustomModel's owned objects should look like now, computed once per reconcile by
 * {@link ServingPlanner} and read by the dependent resources' {@code desired()}.
 *
 * @param target the version being served (or rolled out)
 * @param routeTo the version the Service selects
 * @param replacing a blue/green switch is under way
 * @param replicas the target version's effective replicas (0 when serving is disabled)
 * @param deployments desired Deployments by name
 * @param keptAsIs Deployments (by name) of a previously served version, left exactly as they
 *     are until the switch completes
 * @param endpoint the in-cluster URL of the model, URL prefix included
 */
public record ServingPlan(
    String target, String routeTo, boolean replacing, int replicas,
    Map<String, Deployment> deployments, Set<String> keptAsIs, Service service,
    NetworkPolicy networkPolicy, Optional<PodDisruptionBudget> disruptionBudget,
    String endpoint) {

  static final String KEY = ServingPlan.class.getName();

  /** The plan the reconciler stored for this reconcile. */
  static ServingPlan of(Context<CustomModel> context) {
    return context.managedWorkflowAndDependentResourceContext()
        .getMandatory(KEY, ServingPlan.class);
  }
}
