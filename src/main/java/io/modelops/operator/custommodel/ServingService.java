package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.cache.LeanCaches;
import io.modelops.operator.naming.ModelLabels;
import io.modelops.operator.reconcile.OwnedResource;
import java.util.LinkedHashMap;
import java.util.Map;

/** The model's Service; its selector names the version it routes to (blue/green). */
@KubernetesDependent(
    informer =
        @Informer(labelSelector = ModelLabels.SELECTOR, itemStore = LeanCaches.Applied.class))
public class ServingService extends OwnedResource<Service, CustomModel> {
  @Override
  protected Service desired(CustomModel model, Context<CustomModel> context) {
    return service(model, ServingPlan.of(context));
  }

  public static Service service(CustomModel model, ServingPlan plan) {
    String modelName = model.getMetadata().getName();
    Map<String, String> selector = new LinkedHashMap<>(ModelLabels.selector(modelName));
    selector.put(ModelLabels.VERSION, plan.routeTo());
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(plan.serviceName())
        .withNamespace(model.getMetadata().getNamespace())
        .withLabels(ModelLabels.model(modelName))
        .endMetadata()
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(selector)
        .addNewPort()
        .withName("http")
        .withProtocol("TCP")
        .withPort(ServingPlanner.PORT)
        .withTargetPort(new IntOrString("http"))
        .endPort()
        .endSpec()
        .build();
  }
}
