package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.CRUDKubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.workload.ControllerReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Deployments of a model: the target version's, plus — during a blue/green switch — the
 * previously served version's, which is left exactly as it is until the Service has moved.
 */
@KubernetesDependent(informer = @Informer(labelSelector = ModelLabels.SELECTOR))
public class ServingDeployments extends KubernetesDependentResource<Deployment, CustomModel>
    implements CRUDKubernetesBulkDependentResource<Deployment, CustomModel>,
    GarbageCollected<CustomModel> {

  @Override
  protected void addReferenceHandlingMetadata(Deployment desired, CustomModel model) {
    ControllerReference.set(desired, model);
  }

  @Override
  public Map<ResourceID, Deployment> desiredResources(CustomModel model,
      Context<CustomModel> context) {
    Map<ResourceID, Deployment> desired = new LinkedHashMap<>();
    ServingPlan.of(context).deployments().forEach((name, deployment) ->
        desired.put(new ResourceID(name, model.getMetadata().getNamespace()), deployment));
    return desired;
  }

  @Override
  public Map<ResourceID, Deployment> getSecondaryResources(CustomModel model,
      Context<CustomModel> context) {
    return context.getSecondaryResources(Deployment.class).stream()
        .collect(Collectors.toMap(ResourceID::fromResource, d -> d));
  }

  @Override
  public Matcher.Result<Deployment> match(Deployment actual, Deployment desired,
      CustomModel model, Context<CustomModel> context) {
    if (ServingPlan.of(context).keptAsIs().contains(actual.getMetadata().getName())) {
      return Matcher.Result.computed(true, actual);
    }
    return super.match(actual, desired, model, context);
  }
}
