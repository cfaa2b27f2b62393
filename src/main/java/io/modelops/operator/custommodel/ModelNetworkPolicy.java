package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.modelops.operator.workload.OwnedResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;

/** The NetworkPolicy of the model's pods, from networkEgressPolicy (SPEC §4). */
@KubernetesDependent(informer = @Informer(labelSelector = ModelLabels.SELECTOR))
public class ModelNetworkPolicy
    extends OwnedResource<NetworkPolicy, CustomModel> {
  @Override
  protected NetworkPolicy desired(CustomModel model, Context<CustomModel> context) {
    return ServingPlan.of(context).networkPolicy();
  }
}
