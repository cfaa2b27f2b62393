package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.cache.LeanCaches;
import io.modelops.operator.naming.ModelLabels;
import io.modelops.operator.network.EgressPolicies;
import io.modelops.operator.reconcile.NameClaims;
import io.modelops.operator.reconcile.OneNameDependent;
import java.util.Optional;

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
public class ModelNetworkPolicy extends OneNameDependent<NetworkPolicy, CustomModel> {

  public ModelNetworkPolicy() {
    super(NetworkPolicy.class);
  }

  @Override
  protected String name(CustomModel model, Context<CustomModel> context) {
    return ServingPlan.of(context).networkPolicyName();
  }

  @Override
  protected NetworkPolicy build(CustomModel model, Context<CustomModel> context) {
    return networkPolicy(model, ServingPlan.of(context));
  }

  /** An earlier-named policy goes only once the policy of the current name is in place. */
  @Override
  protected boolean mayDelete(CustomModel model, ResourceID key, Context<CustomModel> context) {
    return ServingPlan.find(context).map(plan -> enforced(model, plan, context)).orElse(true);
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
