package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.CRUDKubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.cache.LeanCaches;
import io.modelops.operator.naming.ModelLabels;
import io.modelops.operator.network.EgressPolicies;
import io.modelops.operator.reconcile.ControllerReference;
import io.modelops.operator.reconcile.NameClaims;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The NetworkPolicy of the model's pods, from the effective networkEgressPolicy: ingress on the
 * model server's port, egress as {@link EgressPolicies} allows.
 *
 * <p>It is the prerequisite of the model's Deployments ({@link Enforced}): no pod of the model
 * exists before its policy does. A policy this model controls under another name (an earlier naming
 * scheme) is deleted, but only once the policy of the current name is in place, so the pods are
 * never without one.
 */
@KubernetesDependent(
    informer =
        @Informer(labelSelector = ModelLabels.SELECTOR, itemStore = LeanCaches.Applied.class))
public class ModelNetworkPolicy extends KubernetesDependentResource<NetworkPolicy, CustomModel>
    implements CRUDKubernetesBulkDependentResource<NetworkPolicy, CustomModel>,
        GarbageCollected<CustomModel> {

  @Override
  protected void addReferenceHandlingMetadata(NetworkPolicy desired, CustomModel model) {
    ControllerReference.set(desired, model);
  }

  @Override
  public Map<ResourceID, NetworkPolicy> desiredResources(
      CustomModel model, Context<CustomModel> context) {
    ServingPlan plan = ServingPlan.of(context);
    return Map.of(
        new ResourceID(plan.networkPolicyName(), model.getMetadata().getNamespace()),
        networkPolicy(model, plan));
  }

  @Override
  public Map<ResourceID, NetworkPolicy> getSecondaryResources(
      CustomModel model, Context<CustomModel> context) {
    return context.getSecondaryResources(NetworkPolicy.class).stream()
        .filter(p -> NameClaims.controlledBy(p, model))
        .collect(Collectors.toMap(ResourceID::fromResource, p -> p));
  }

  @Override
  public void deleteTargetResource(
      CustomModel model, NetworkPolicy policy, ResourceID key, Context<CustomModel> context) {
    boolean replaced =
        ServingPlan.find(context).map(plan -> enforced(model, plan, context)).orElse(true);
    if (replaced) {
      super.deleteTargetResource(model, policy, key, context);
    }
  }

  public static NetworkPolicy networkPolicy(CustomModel model, ServingPlan plan) {
    String modelName = model.getMetadata().getName();
    return EgressPolicies.policy(
        plan.networkPolicyName(),
        model.getMetadata().getNamespace(),
        ModelLabels.model(modelName),
        ModelLabels.selector(modelName),
        plan.serving().networkEgressPolicy(),
        Optional.of(ServingPlanner.PORT),
        plan.config());
  }

  /** The policy of the plan's name exists and this model controls it. */
  static boolean enforced(CustomModel model, ServingPlan plan, Context<CustomModel> context) {
    return context.getSecondaryResources(NetworkPolicy.class).stream()
        .anyMatch(
            p ->
                p.getMetadata().getName().equals(plan.networkPolicyName())
                    && NameClaims.controlledBy(p, model));
  }

  /** Ready once the model's pods are selected by their policy: only then may they exist. */
  public static class Enforced implements Condition<NetworkPolicy, CustomModel> {
    @Override
    public boolean isMet(
        DependentResource<NetworkPolicy, CustomModel> dependent,
        CustomModel model,
        Context<CustomModel> context) {
      return enforced(model, ServingPlan.of(context), context);
    }
  }
}
