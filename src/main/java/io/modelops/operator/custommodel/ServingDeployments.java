package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.cache.LeanCaches;
import io.modelops.operator.naming.ModelLabels;
import io.modelops.operator.reconcile.OneNameDependent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Deployments of a model. The desired one is the target version's; any other Deployment of the
 * model is removed — except, during a blue/green switch, the previously served version's, which the
 * plan keeps exactly as it is until the Service has moved.
 */
@KubernetesDependent(
    informer =
        @Informer(labelSelector = ModelLabels.SELECTOR, itemStore = LeanCaches.Applied.class))
public class ServingDeployments extends OneNameDependent<Deployment, CustomModel> {

  public ServingDeployments() {
    super(Deployment.class);
  }

  @Override
  protected String name(CustomModel model, Context<CustomModel> context) {
    return ServingPlan.of(context).deploymentName();
  }

  @Override
  protected Deployment build(CustomModel model, Context<CustomModel> context) {
    return deployment(model, ServingPlan.of(context));
  }

  /** A Deployment the plan keeps during a switch is not desired, yet not deleted either. */
  @Override
  protected boolean mayDelete(CustomModel model, ResourceID key, Context<CustomModel> context) {
    return ServingPlan.find(context).map(plan -> !plan.kept().contains(key.getName())).orElse(true);
  }

  /** Before the apply that leaves replicas out, the field is handed over (see ReplicasHandover). */
  @Override
  public Deployment update(
      Deployment actual, Deployment desired, CustomModel model, Context<CustomModel> context) {
    if (desired.getSpec().getReplicas() == null) {
      ReplicasHandover.handOver(
          context.getClient(), actual, context.getControllerConfiguration().fieldManager());
    }
    return super.update(actual, desired, model, context);
  }

  /** The name of the version a Deployment serves, as the user wrote it. */
  public static String versionName(Deployment d) {
    Map<String, String> annotations = d.getMetadata().getAnnotations();
    String name = annotations == null ? null : annotations.get(ModelLabels.VERSION_NAME_ANNOTATION);
    return name != null ? name : d.getMetadata().getLabels().get(ModelLabels.VERSION);
  }

  /**
   * The target version's Deployment: rolling updates that never drop below the replicas; no
   * replicas when the autoscaler owns them.
   */
  public static Deployment deployment(CustomModel model, ServingPlan plan) {
    String modelName = model.getMetadata().getName();
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(ModelLabels.VERSION_NAME_ANNOTATION, plan.target());
    plan.serving()
        .resourceBundle()
        .ifPresent(b -> annotations.put(ModelLabels.BUNDLE_ANNOTATION, b));
    plan.scaling()
        .autoscaler()
        .filter(a -> plan.scaling().handedOver())
        .ifPresent(
            a ->
                annotations.put(
                    ModelLabels.AUTOSCALING_MIN_ANNOTATION, Integer.toString(a.minReplicas())));
    // Replicas handed over to the autoscaler are left out: the operator's apply no longer owns
    // them (ReplicasHandover keeps the value while the ownership moves).
    Integer replicas = plan.scaling().handedOver() ? null : plan.replicas();
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(plan.deploymentName())
        .withNamespace(model.getMetadata().getNamespace())
        .withLabels(ModelLabels.version(modelName, plan.target(), plan.deploymentName()))
        .withAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withRevisionHistoryLimit(2)
        .withNewSelector()
        .withMatchLabels(ModelLabels.selector(modelName, plan.target()))
        .endSelector()
        .withNewStrategy()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxSurge(new IntOrString("25%"))
        .withMaxUnavailable(new IntOrString(0))
        .endRollingUpdate()
        .endStrategy()
        .withTemplate(ModelPod.template(model, plan))
        .endSpec()
        .build();
  }
}
