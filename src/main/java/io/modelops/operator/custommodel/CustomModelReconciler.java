package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
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
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModelStatus;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.api.v1alpha1.resourcebundle.ResourceBundle;
import io.modelops.operator.cache.LeanCaches;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.resourcebundle.ResourceBundles;
import io.modelops.operator.reconcile.ErrorStatus;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.StatusPatch;
import io.modelops.operator.status.WarningEvents;
import io.modelops.operator.workload.NamespaceLookups;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves CustomModels: plans the served version and its objects ({@link ServingPlanner}), lets
 * the dependent resources converge the Deployments, Service, NetworkPolicy and
 * PodDisruptionBudget, and reports status from what serves now. A spec that cannot be served
 * leaves the owned objects exactly as they were (the workflow is not run) and says why.
 */
@ControllerConfiguration(name = "custommodel",
    informer = @Informer(itemStore = LeanCaches.CustomModels.class))
@Workflow(explicitInvocation = true, dependents = {
    @Dependent(name = "deployments", type = ServingDeployments.class),
    @Dependent(name = "service", type = ServingService.class, dependsOn = "deployments"),
    @Dependent(name = "networkpolicy", type = ModelNetworkPolicy.class),
    @Dependent(name = "pdb", type = ServingDisruptionBudget.class,
        reconcilePrecondition = ServingDisruptionBudget.RequiresHa.class)})
public class CustomModelReconciler implements Reconciler<CustomModel> {
  /** Pod annotation carrying the full model name (label values are capped at 63 chars). */
  public static final String MODEL_NAME_ANNOTATION = "modelops.io/model-name";
  private static final Logger LOG = LoggerFactory.getLogger(CustomModelReconciler.class);

  private final OperatorConfig config;
  private final Clock clock;
  private WarningEvents events;
  private InformerEventSource<CustomModelVersion, CustomModel> versions;
  private InformerEventSource<ExecutionEnvironment, CustomModel> environments;
  private InformerEventSource<ResourceBundle, CustomModel> bundles;
  private InformerEventSource<Pod, CustomModel> pods;

  public CustomModelReconciler(OperatorConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, CustomModel>> prepareEventSources(
      EventSourceContext<CustomModel> context) {
    events = new WarningEvents(context.getClient(), clock);
    versions = new InformerEventSource<>(InformerEventSourceConfiguration
        .from(CustomModelVersion.class, CustomModel.class)
        .withName("versions")
        .withNamespacesInheritedFromController()
        .withItemStore(LeanCaches.withoutManagedFields())
        .withSecondaryToPrimaryMapper(v -> v.getSpec() == null
            || v.getSpec().getCustomModelRef() == null ? Set.of()
            : Set.of(new ResourceID(v.getSpec().getCustomModelRef().getName(),
                v.getMetadata().getNamespace())))
        .build(), context);
    versions.addIndexer("byEnvironment", v -> v.getSpec() == null
        || v.getSpec().getEnvironment() == null || v.getSpec().getEnvironment().getName() == null
        ? List.of() : List.of(v.getSpec().getEnvironment().getName()));
    environments = new InformerEventSource<>(InformerEventSourceConfiguration
        .from(ExecutionEnvironment.class, CustomModel.class)
        .withName("environments")
        .withWatchAllNamespaces()
        .withItemStore(LeanCaches.withoutManagedFields())
        .withSecondaryToPrimaryMapper(env -> versions
            .byIndex("byEnvironment", env.getMetadata().getName()).stream()
            .map(v -> new ResourceID(v.getSpec().getCustomModelRef().getName(),
                v.getMetadata().getNamespace()))
            .collect(Collectors.toSet()))
        .build(), context);
    bundles = new InformerEventSource<>(InformerEventSourceConfiguration
        .from(ResourceBundle.class, CustomModel.class)
        .withName("bundles")
        .withWatchAllNamespaces()
        .withSecondaryToPrimaryMapper(bundle -> context.getPrimaryCache().list()
            .map(ResourceID::fromResource).collect(Collectors.toSet()))
        .build(), context);
    pods = new InformerEventSource<>(InformerEventSourceConfiguration
        .from(Pod.class, CustomModel.class)
        .withName("pods")
        .withNamespacesInheritedFromController()
        .withItemStore(LeanCaches.podsStatusOnly())
        .withLabelSelector(ModelLabels.SELECTOR)
        .withSecondaryToPrimaryMapper(pod -> {
          var annotations = pod.getMetadata().getAnnotations();
          String model = annotations == null ? null : annotations.get(MODEL_NAME_ANNOTATION);
          return model == null ? Set.of()
              : Set.of(new ResourceID(model, pod.getMetadata().getNamespace()));
        })
        .build(), context);
    return List.of(versions, environments, bundles, pods);
  }

  @Override
  public UpdateControl<CustomModel> reconcile(CustomModel model, Context<CustomModel> context) {
    String namespace = model.getMetadata().getNamespace();
    var observed = new ServingPlanner.Observed(
        List.copyOf(context.getSecondaryResources(CustomModelVersion.class)),
        name -> environments.get(new ResourceID(name)),
        ResourceBundles.byName(bundles.list().toList()),
        NamespaceLookups.of(context.getClient(), namespace),
        List.copyOf(context.getSecondaryResources(Deployment.class)),
        context.getSecondaryResource(Service.class));
    var outcome = ServingPlanner.plan(model, observed, config);
    if (model.getStatus() == null && awaitsValidation(outcome, observed.versions())) {
      // A new model whose versions are still being validated: their validation triggers the
      // next reconcile, so a first "waiting" status would be a write that says nothing new.
      return UpdateControl.noUpdate();
    }
    Optional<String> served;
    if (outcome.plan().isPresent()) {
      ServingPlan plan = outcome.plan().get();
      context.managedWorkflowAndDependentResourceContext().put(ServingPlan.KEY, plan);
      context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
      served = Optional.of(plan.routeTo());
    } else {
      served = observed.service().map(s -> s.getSpec().getSelector() == null ? null
          : s.getSpec().getSelector().get(ModelLabels.VERSION));
    }
    List<Deployment> deployments = List.copyOf(context.getSecondaryResources(Deployment.class));
    List<Pod> targetPods = outcome.target().map(t -> context.getSecondaryResources(Pod.class)
        .stream().filter(p -> t.equals(p.getMetadata().getLabels().get(ModelLabels.VERSION)))
        .toList()).orElse(List.of());
    CustomModelStatus status = ServingStatus.compute(model, outcome, deployments, targetPods,
        served, clock);

    if (Conditions.isTrue(status, Conditions.DEGRADED)
        && Conditions.transitioned(model.getStatus(), status, Conditions.DEGRADED)) {
      Conditions.find(status, Conditions.DEGRADED).ifPresent(c ->
          events.warn(model, "Serve", Problem.of(c.getReason(), c.getMessage())));
    }
    LOG.info("{}/{}: phase {} ready {}", namespace, model.getMetadata().getName(),
        status.getPhase(), Conditions.isTrue(status, Conditions.READY));
    boolean changed = Conditions.differ(model.getStatus(), status);
    if (changed && LOG.isDebugEnabled()) {
      LOG.debug("{}/{}: status changes from {} to {}", namespace, model.getMetadata().getName(),
          Serialization.asJson(model.getStatus()), Serialization.asJson(status));
    }
    UpdateControl<CustomModel> control = changed
        ? UpdateControl.patchStatus(StatusPatch.of(model, status, CustomModel::new)) : UpdateControl.noUpdate();
    boolean recheck = NamespaceLookups.dependOnLookups(outcome.problems());
    return recheck ? control.rescheduleAfter(NamespaceLookups.RECHECK) : control;
  }


  private static boolean awaitsValidation(ServingPlanner.Outcome outcome,
      List<CustomModelVersion> versions) {
    return outcome.plan().isEmpty() && outcome.problems().size() == 1
        && outcome.problems().get(0).reason().equals(ServingPlanner.NO_VALID_VERSION)
        && versions.stream().anyMatch(v -> Conditions.find(v.getStatus(), Conditions.VALIDATED)
            .isEmpty());
  }

  @Override
  public ErrorStatusUpdateControl<CustomModel> updateErrorStatus(
      CustomModel model, Context<CustomModel> context, Exception e) {
    return ErrorStatus.report(
        model, context, e, Conditions.PROGRESSING, CustomModelStatus::new, CustomModel::new, clock, LOG);
  }
}
