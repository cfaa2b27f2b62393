package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
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
 * The HorizontalPodAutoscaler (autoscaling/v2) of a model with autoscaling: it scales the
 * Deployment the Service routes to, and is moved onto the new version's Deployment when a
 * blue/green switch completes. Removed when autoscaling is turned off or serving is disabled.
 */
@KubernetesDependent(
    informer =
        @Informer(labelSelector = ModelLabels.SELECTOR, itemStore = LeanCaches.Applied.class))
public class ServingAutoscaler extends OwnedResource<HorizontalPodAutoscaler, CustomModel> {
  /** The object's name does not depend on the plan, so it can be found for deletion. */
  @Override
  protected ResourceID targetSecondaryResourceID(
      CustomModel primary, Context<CustomModel> context) {
    return new ResourceID(
        ModelNames.autoscaler(primary.getMetadata().getName()),
        primary.getMetadata().getNamespace());
  }

  @Override
  protected HorizontalPodAutoscaler desired(CustomModel model, Context<CustomModel> context) {
    return autoscaler(model, ServingPlan.of(context));
  }

  public static HorizontalPodAutoscaler autoscaler(CustomModel model, ServingPlan plan) {
    var autoscaler = plan.scaling().autoscaler().orElseThrow();
    return new HorizontalPodAutoscalerBuilder()
        .withNewMetadata()
        .withName(autoscaler.name())
        .withNamespace(model.getMetadata().getNamespace())
        .withLabels(ModelLabels.model(model.getMetadata().getName()))
        .endMetadata()
        .withNewSpec()
        .withNewScaleTargetRef()
        .withApiVersion("apps/v1")
        .withKind("Deployment")
        .withName(autoscaler.scaleTarget())
        .endScaleTargetRef()
        .withMinReplicas(autoscaler.minReplicas())
        .withMaxReplicas(autoscaler.maxReplicas())
        .withMetrics(autoscaler.metrics())
        .endSpec()
        .build();
  }

  /** Present only while the plan has an autoscaler. */
  public static class Autoscaled implements Condition<HorizontalPodAutoscaler, CustomModel> {
    @Override
    public boolean isMet(
        DependentResource<HorizontalPodAutoscaler, CustomModel> dependent,
        CustomModel model,
        Context<CustomModel> context) {
      return ServingPlan.of(context).scaling().autoscaler().isPresent();
    }
  }
}
