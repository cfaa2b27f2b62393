package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModelStatus;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.cache.LeanCaches;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.lookup.NamespaceLookups;
import io.modelops.operator.naming.ModelLabels;
import io.modelops.operator.naming.Names;
import io.modelops.operator.reconcile.ErrorStatus;
import io.modelops.operator.reconcile.NameClaims;
import io.modelops.operator.resourcebundle.ResourceBundles;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.StatusPatch;
import io.modelops.operator.status.WarningEvents;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves CustomModels: validates the model and its target version ({@link CustomModelValidator}),
 * decides what to serve ({@link ServingPlanner}), lets the dependent resources build and converge
 * the Deployment, Service, NetworkPolicy and PodDisruptionBudget, and reports status from what
 * serves now ({@link ServingStatus}). A spec that cannot be served leaves the owned objects exactly
 * as they were (the workflow is not run) and says why.
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
          reconcilePrecondition = ServingDisruptionBudget.RequiresHa.class)
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
    String namespace = model.getMetadata().getNamespace();
    String name = model.getMetadata().getName();
    var observed =
        new Observed(
            List.copyOf(context.getSecondaryResources(CustomModelVersion.class)),
            envName -> sources.environments().get(new ResourceID(envName)),
            ResourceBundles.byName(sources.bundles().list().toList()),
            NamespaceLookups.of(context.getClient(), namespace),
            List.copyOf(context.getSecondaryResources(Deployment.class)),
            context.getSecondaryResource(Service.class),
            List.copyOf(context.getSecondaryResources(CustomModelTest.class)));
    var validation = CustomModelValidator.validate(model, observed, config);
    if (model.getStatus() == null && validation.awaitsVersionValidation(observed.versions())) {
      // A new model whose versions are still being validated: their validation triggers the
      // next reconcile, so a first "waiting" status would be a write that says nothing new.
      return UpdateControl.noUpdate();
    }
    Optional<ServingPlan> planned =
        validation.valid().map(valid -> ServingPlanner.plan(model, valid, observed, config));
    Optional<Problem> conflict =
        planned.flatMap(
            p -> NameClaims.conflict(model, p.claims(model), owned(context), context.getClient()));
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
    List<Pod> servedPods =
        ServedPods.of(List.copyOf(context.getSecondaryResources(Pod.class)), deployments);
    List<Pod> targetPods =
        validation
            .target()
            .map(
                t ->
                    servedPods.stream()
                        .filter(
                            p ->
                                Names.labelValue(t)
                                    .equals(p.getMetadata().getLabels().get(ModelLabels.VERSION)))
                        .toList())
            .orElse(List.of());
    CustomModelStatus status =
        ServingStatus.compute(model, validation, plan, deployments, targetPods, served, clock);

    CustomModelStatus old = model.getStatus();
    if (Conditions.isTrue(status, Conditions.DEGRADED)
        && Conditions.transitioned(old, status, Conditions.DEGRADED)) {
      Conditions.find(status, Conditions.DEGRADED)
          .ifPresent(c -> events.warn(model, "Serve", Problem.of(c.getReason(), c.getMessage())));
    }
    boolean ready = Conditions.isTrue(status, Conditions.READY);
    if (old == null
        || old.getPhase() != status.getPhase()
        || Conditions.isTrue(old, Conditions.READY) != ready) {
      LOG.info("{}/{}: phase {} ready {}", namespace, name, status.getPhase(), ready);
    } else {
      LOG.debug("{}/{}: phase {} ready {}", namespace, name, status.getPhase(), ready);
    }
    boolean changed = Conditions.differ(old, status);
    if (changed && LOG.isDebugEnabled()) {
      LOG.debug(
          "{}/{}: status changes from {} to {}",
          namespace,
          name,
          Serialization.asJson(old),
          Serialization.asJson(status));
    }
    UpdateControl<CustomModel> control =
        changed
            ? UpdateControl.patchStatus(StatusPatch.of(model, status, CustomModel::new))
            : UpdateControl.noUpdate();
    if (conflict.isPresent()) {
      return control.rescheduleAfter(NameClaims.RECHECK);
    }
    return NamespaceLookups.dependOnLookups(validation.problems())
        ? control.rescheduleAfter(NamespaceLookups.RECHECK)
        : control;
  }

  /** Every object the informers know as this model's. */
  private static List<HasMetadata> owned(Context<CustomModel> context) {
    List<HasMetadata> owned = new ArrayList<>();
    owned.addAll(context.getSecondaryResources(NetworkPolicy.class));
    owned.addAll(context.getSecondaryResources(Deployment.class));
    owned.addAll(context.getSecondaryResources(Service.class));
    owned.addAll(context.getSecondaryResources(PodDisruptionBudget.class));
    return owned;
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
