package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.cache.LeanCaches;
import io.modelops.operator.naming.ModelLabels;
import io.modelops.operator.naming.ModelNames;
import io.modelops.operator.reconcile.OwnedResource;

/**
 * The PodDisruptionBudget (maxUnavailable 1, unhealthy pods always evictable) of a model that
 * requires high availability.
 */
@KubernetesDependent(
    informer =
        @Informer(labelSelector = ModelLabels.SELECTOR, itemStore = LeanCaches.Applied.class))
public class ServingDisruptionBudget extends OwnedResource<PodDisruptionBudget, CustomModel> {
  /** The object's name does not depend on the plan, so it can be found for deletion. */
  @Override
  protected ResourceID targetSecondaryResourceID(
      CustomModel primary, Context<CustomModel> context) {
    return new ResourceID(
        ModelNames.disruptionBudget(primary.getMetadata().getName()),
        primary.getMetadata().getNamespace());
  }

  @Override
  protected PodDisruptionBudget desired(CustomModel model, Context<CustomModel> context) {
    return disruptionBudget(model, ServingPlan.of(context));
  }

  public static PodDisruptionBudget disruptionBudget(CustomModel model, ServingPlan plan) {
    String modelName = model.getMetadata().getName();
    return new PodDisruptionBudgetBuilder()
        .withNewMetadata()
        .withName(plan.serviceName())
        .withNamespace(model.getMetadata().getNamespace())
        .withLabels(ModelLabels.model(modelName))
        .endMetadata()
        .withNewSpec()
        .withMaxUnavailable(new IntOrString(1))
        // Pods that are not Ready may always be evicted: a budget counting them would block
        // node drains exactly when the model is already broken.
        .withUnhealthyPodEvictionPolicy("AlwaysAllow")
        .withNewSelector()
        .withMatchLabels(ModelLabels.selector(modelName))
        .endSelector()
        .endSpec()
        .build();
  }

  /** Present only for models with requiresHa; removed when that is turned off. */
  public static class RequiresHa implements Condition<PodDisruptionBudget, CustomModel> {
    @Override
    public boolean isMet(
        DependentResource<PodDisruptionBudget, CustomModel> dependent,
        CustomModel model,
        Context<CustomModel> context) {
      return ServingPlan.of(context).serving().requiresHa();
    }
  }
}
