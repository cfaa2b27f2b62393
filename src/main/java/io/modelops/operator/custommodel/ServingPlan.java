package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.custommodelversion.CustomModelVersionValidator;
import io.modelops.operator.naming.Names;
import io.modelops.operator.reconcile.NameClaims;
import io.modelops.operator.status.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The decisions of one reconcile of a CustomModel, made by {@link ServingPlanner}: which version is
 * served and where the Service routes, how many replicas, which objects by name, and the validated
 * inputs the objects are built from. Each dependent resource builds its own object from these in
 * its {@code desired()}; nothing here is a Kubernetes object.
 *
 * @param target the version being served (or rolled out)
 * @param routeTo the version (label value) the Service selects
 * @param replacing a blue/green switch is under way
 * @param replicas the target version's replicas wanted now (0 when serving is disabled; with
 *     autoscaling, the autoscaler's current choice)
 * @param scaling who sets the target Deployment's replicas, and the autoscaler to have
 * @param deploymentName the target version's Deployment
 * @param kept Deployments (by name) of a previously served version that stay as they are until the
 *     switch completes; every other Deployment of the model but the target's is removed
 * @param serviceName the name of the model's Service and PodDisruptionBudget
 * @param networkPolicyName the name of the NetworkPolicy of the model's pods
 * @param urlPrefix the model server's URL prefix
 * @param endpoint the in-cluster URL of the model, URL prefix included
 * @param version the target version's validated pod inputs
 * @param serving the effective serving settings (resources, egress, high availability)
 * @param config the operator configuration the objects are built with
 */
public record ServingPlan(
    String target,
    String routeTo,
    boolean replacing,
    int replicas,
    ScalingDecision scaling,
    String deploymentName,
    Set<String> kept,
    String serviceName,
    String networkPolicyName,
    String urlPrefix,
    String endpoint,
    CustomModelVersionValidator.Resolved version,
    EffectiveServing.Resolved serving,
    OperatorConfig config) {

  static final String KEY = ServingPlan.class.getName();

  public ServingPlan {
    kept = Set.copyOf(kept);
  }

  /**
   * The names of the objects this plan creates or applies, each with what it derives from: they
   * must be free or this model's before the workflow runs.
   */
  public List<NameClaims.Claim> claims(CustomModel model) {
    String modelRef = "CustomModel " + model.getMetadata().getName();
    List<NameClaims.Claim> claims = new ArrayList<>();
    claims.add(new NameClaims.Claim(NetworkPolicy.class, networkPolicyName, modelRef));
    claims.add(
        new NameClaims.Claim(Deployment.class, deploymentName, "CustomModelVersion " + target));
    claims.add(new NameClaims.Claim(Service.class, serviceName, modelRef));
    if (serving.requiresHa()) {
      claims.add(new NameClaims.Claim(PodDisruptionBudget.class, serviceName, modelRef));
    }
    scaling
        .autoscaler()
        .ifPresent(
            a ->
                claims.add(
                    new NameClaims.Claim(HorizontalPodAutoscaler.class, a.name(), modelRef)));
    return claims;
  }

  /**
   * The Service moves to the target version in this pass (a blue/green switch whose new version is
   * Available): the previous version's Deployment is removed in the next pass.
   */
  public boolean cutsOver() {
    return replacing && routeTo.equals(Names.labelValue(target));
  }

  /** The plan the reconciler stored for this reconcile. */
  static ServingPlan of(Context<CustomModel> context) {
    return find(context).orElseThrow(() -> new IllegalStateException("no serving plan"));
  }

  /** The plan, if the reconciler planned in this reconcile (not during cleanup). */
  static Optional<ServingPlan> find(Context<CustomModel> context) {
    return context.managedWorkflowAndDependentResourceContext().get(KEY, ServingPlan.class);
  }

  /** An object of another owner holding one of the names this plan needs, if any. */
  Optional<Problem> conflict(CustomModel model, Context<CustomModel> context) {
    return NameClaims.conflict(
        model,
        claims(model),
        NameClaims.known(
            context,
            NetworkPolicy.class,
            Deployment.class,
            Service.class,
            PodDisruptionBudget.class,
            HorizontalPodAutoscaler.class),
        context.getClient());
  }
}
