package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModelStatus;
import io.modelops.operator.cache.LeanCaches;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.lookup.NamespaceLookups;
import io.modelops.operator.reconcile.ErrorStatus;
import io.modelops.operator.reconcile.NameClaims;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.StatusPatch;
import io.modelops.operator.status.WarningEvents;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves CustomModels: validates the model and its target version ({@link CustomModelValidator}),
 * decides what to serve ({@link ServingPlanner}), lets the dependent resources build and converge
 * the Deployment, Service, NetworkPolicy, PodDisruptionBudget and HorizontalPodAutoscaler, and
 * reports status from what serves now ({@link ServingStatus}). A spec that cannot be served leaves
 * the owned objects exactly as they were (the workflow is not run) and says why.
 */
@ControllerConfiguration(
    name = "custommodel",
    informer = @Informer(itemStore = LeanCaches.CustomModels.class))
@Workflow(
    explicitInvocation = true,
    dependents = {
      // The pods' NetworkPolicy first: no Deployment exists without it (fail closed).
      @Dependent(
          name = "networkpolicy",
          type = ModelNetworkPolicy.class,
          readyPostcondition = ModelNetworkPolicy.Enforced.class),
      @Dependent(
          name = "deployments",
          type = ServingDeployments.class,
          dependsOn = "networkpolicy"),
      @Dependent(name = "service", type = ServingService.class, dependsOn = "deployments"),
      @Dependent(
          name = "pdb",
          type = ServingDisruptionBudget.class,
          reconcilePrecondition = ServingDisruptionBudget.RequiresHa.class),
      @Dependent(
          name = "autoscaler",
          type = ServingAutoscaler.class,
          dependsOn = "deployments",
          reconcilePrecondition = ServingAutoscaler.Autoscaled.class)
    })
public class CustomModelReconciler implements Reconciler<CustomModel> {
  private static final Logger LOG = LoggerFactory.getLogger(CustomModelReconciler.class);

  private final OperatorConfig config;
  private final Clock clock;
  private final ErrorStatus<CustomModelStatus, CustomModel> errors;
  private WarningEvents events;
  private ModelEventSources sources;

  public CustomModelReconciler(OperatorConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.errors =
        new ErrorStatus<>(
            Conditions.PROGRESSING, CustomModelStatus::new, CustomModel::new, clock, LOG);
  }

  @Override
  public List<EventSource<?, CustomModel>> prepareEventSources(
      EventSourceContext<CustomModel> context) {
    events = new WarningEvents(context.getClient(), clock);
    sources = ModelEventSources.of(context);
    return sources.list();
  }

  @Override
  public UpdateControl<CustomModel> reconcile(CustomModel model, Context<CustomModel> context) {
    Observed observed = Observed.of(model, context, sources, config);
    var validation = CustomModelValidator.validate(model, observed, config);
    if (model.getStatus() == null && validation.awaitsVersionValidation(observed.versions())) {
      // A new model whose versions are still being validated: their validation triggers the
      // next reconcile, so a first "waiting" status would be a write that says nothing new.
      return UpdateControl.noUpdate();
    }
    Optional<ServingPlan> planned =
        validation.valid().map(valid -> ServingPlanner.plan(model, valid, observed, config));
    Optional<Problem> conflict = planned.flatMap(p -> p.conflict(model, context));
    if (conflict.isPresent()) {
      validation = validation.refusedBy(conflict.get());
    }
    Optional<ServingPlan> plan = conflict.isPresent() ? Optional.empty() : planned;
    plan.ifPresent(
        p -> {
          context.managedWorkflowAndDependentResourceContext().put(ServingPlan.KEY, p);
          context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
        });
    Optional<String> served = plan.map(ServingPlan::routeTo).or(observed::routedVersion);
    List<Deployment> deployments = List.copyOf(context.getSecondaryResources(Deployment.class));
    List<Pod> targetPods =
        ServedPods.ofVersion(
            List.copyOf(context.getSecondaryResources(Pod.class)),
            deployments,
            validation.target());
    CustomModelStatus status =
        ServingStatus.compute(model, validation, plan, deployments, targetPods, served, clock);

    ModelTransitions.report(model, model.getStatus(), status, events);
    UpdateControl<CustomModel> control = StatusPatch.ifChanged(model, status, CustomModel::new);
    if (conflict.isPresent()) {
      return control.rescheduleAfter(NameClaims.RECHECK);
    }
    if (plan.map(ServingPlan::cutsOver).orElse(false)) {
      return control.rescheduleAfter(BlueGreen.AFTER_CUT_OVER);
    }
    return NamespaceLookups.dependOnLookups(validation.problems())
        ? control.rescheduleAfter(NamespaceLookups.RECHECK)
        : control;
  }

  @Override
  public ErrorStatusUpdateControl<CustomModel> updateErrorStatus(
      CustomModel model, Context<CustomModel> context, Exception e) {
    return errors.report(
        model,
        context,
        e,
        (status, conditions) ->
            ServingStatus.servingNow(
                status,
                conditions,
                List.copyOf(context.getSecondaryResources(Deployment.class)),
                context.getSecondaryResource(Service.class)));
  }
}
