package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.cache.LeanCaches;
import io.modelops.operator.naming.ModelLabels;
import io.modelops.operator.network.EgressPolicies;
import io.modelops.operator.reconcile.OwnedResource;
import java.util.Optional;

/**
 * The NetworkPolicy of the model's pods, from the effective networkEgressPolicy: ingress on the
 * model server's port, egress as {@link EgressPolicies} allows.
 */
@KubernetesDependent(
    informer =
        @Informer(labelSelector = ModelLabels.SELECTOR, itemStore = LeanCaches.Applied.class))
public class ModelNetworkPolicy extends OwnedResource<NetworkPolicy, CustomModel> {
  @Override
  protected NetworkPolicy desired(CustomModel model, Context<CustomModel> context) {
    return networkPolicy(model, ServingPlan.of(context));
  }

  public static NetworkPolicy networkPolicy(CustomModel model, ServingPlan plan) {
    String modelName = model.getMetadata().getName();
    return EgressPolicies.policy(
        plan.serviceName(),
        model.getMetadata().getNamespace(),
        ModelLabels.model(modelName),
        ModelLabels.selector(modelName),
        plan.serving().networkEgressPolicy(),
        Optional.of(ServingPlanner.PORT),
        plan.config());
  }
}
