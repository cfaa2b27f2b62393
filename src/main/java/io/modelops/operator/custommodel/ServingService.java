package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.modelops.operator.workload.OwnedResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;

/** The model's Service; its selector names the version it routes to (blue/green). */
@KubernetesDependent(informer = @Informer(labelSelector = ModelLabels.SELECTOR))
public class ServingService extends OwnedResource<Service, CustomModel> {
  @Override
  protected Service desired(CustomModel model, Context<CustomModel> context) {
    return ServingPlan.of(context).service();
  }
}
