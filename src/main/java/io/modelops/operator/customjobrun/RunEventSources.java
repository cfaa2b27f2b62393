package io.modelops.operator.customjobrun;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;
import io.modelops.operator.api.v1alpha1.common.Condition;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRunSpec;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRunStatus;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModelStatus;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.api.v1alpha1.resourcebundle.ResourceBundle;
import io.modelops.operator.cache.LeanCaches;
import io.modelops.operator.config.PlacementSettings;
import io.modelops.operator.lookup.NamespaceLookups;
import io.modelops.operator.naming.RunLabels;
import io.modelops.operator.naming.RunNames;
import io.modelops.operator.reconcile.EventSources;
import io.modelops.operator.reconcile.Mappers;
import io.modelops.operator.reconcile.References;
import io.modelops.operator.resourcebundle.ResourceBundles;
import io.modelops.operator.status.Conditions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What wakes a run besides its own changes (its Job and ConfigMap come with the workflow), and the
 * caches its validation reads:
 *
 * <ul>
 *   <li>its CustomJob (found through an index of runs by job);
 *   <li>its job's NetworkPolicy (a run starts only once that policy is in place);
 *   <li>the pods of its Job (pods controlled by a Job, which name their run in an annotation);
 *   <li>run slots: when a run of a namespace stops holding a slot (it finished, was canceled or
 *       deleted), the queued runs of that namespace are woken, so a queued run waits for that event
 *       instead of polling. This informer keeps only what the queue reads of each run;
 *   <li>ExecutionEnvironments, ResourceBundles and CustomModels (for a sidecar's endpoint), read
 *       from caches when a run is validated, never fetched from the API server. They wake no run: a
 *       run is validated when it is created or queued, and a refused run stays refused.
 * </ul>
 */
record RunEventSources(
    InformerEventSource<CustomJob, CustomJobRun> jobs,
    InformerEventSource<Pod, CustomJobRun> pods,
    InformerEventSource<NetworkPolicy, CustomJobRun> policies,
    InformerEventSource<CustomJobRun, CustomJobRun> slots,
    InformerEventSource<ExecutionEnvironment, CustomJobRun> environments,
    InformerEventSource<ResourceBundle, CustomJobRun> bundles,
    InformerEventSource<CustomModel, CustomJobRun> models) {
  static final String BY_JOB = "byJob";
  static final String WAITING = "waitingByNamespace";

  /** The CustomJob that controls a policy, by its controller ownerReference. */
  private static Optional<String> controllingJob(NetworkPolicy policy) {
    return Optional.ofNullable(policy.getMetadata().getOwnerReferences()).stream()
        .flatMap(List::stream)
        .filter(r -> Boolean.TRUE.equals(r.getController()) && "CustomJob".equals(r.getKind()))
        .map(OwnerReference::getName)
        .findFirst();
  }

  static RunEventSources of(EventSourceContext<CustomJobRun> context) {
    var jobs =
        EventSources.named(
            context,
            InformerEventSourceConfiguration.from(CustomJob.class, CustomJobRun.class)
                .withName("customjobs"),
            BY_JOB,
            References::job);
    var pods =
        EventSources.jobPods(
            context, CustomJobRun.class, "runpods", RunLabels.SELECTOR, RunLabels::runOf);
    var policies =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(NetworkPolicy.class, CustomJobRun.class)
                .withName("jobpolicies")
                .withNamespacesInheritedFromController()
                .withLabelSelector(RunLabels.SELECTOR)
                .withSecondaryToPrimaryMapper(
                    Mappers.fromIndex(
                        key -> context.getPrimaryCache().byIndex(BY_JOB, key),
                        (NetworkPolicy p) ->
                            Mappers.key(
                                p.getMetadata().getNamespace(), controllingJob(p).orElse(""))))
                .withPrimaryToSecondaryMapper(
                    (CustomJobRun r) ->
                        References.job(r)
                            .map(
                                job ->
                                    Set.of(
                                        new ResourceID(
                                            RunNames.networkPolicy(job),
                                            r.getMetadata().getNamespace())))
                            .orElse(Set.of()))
                .build(),
            context);
    var slots =
        EventSources.freedSlots(
            context,
            CustomJobRun.class,
            "runslots",
            WAITING,
            RunQueue::waiting,
            RunQueue::competes,
            RunEventSources::slotOnly);
    var environments =
        EventSources.lookupOnly(
            context,
            InformerEventSourceConfiguration.from(ExecutionEnvironment.class, CustomJobRun.class)
                .withName("runenvironments")
                .withWatchAllNamespaces()
                .withItemStore(LeanCaches.withoutManagedFields()));
    var bundles =
        EventSources.lookupOnly(
            context,
            InformerEventSourceConfiguration.from(ResourceBundle.class, CustomJobRun.class)
                .withName("runbundles")
                .withWatchAllNamespaces()
                .withItemStore(LeanCaches.withoutManagedFields()));
    var models =
        EventSources.lookupOnly(
            context,
            InformerEventSourceConfiguration.from(CustomModel.class, CustomJobRun.class)
                .withName("runmodels")
                .withNamespacesInheritedFromController()
                .withItemStore(new TransformingItemStore<>(RunEventSources::endpointOnly)));
    return new RunEventSources(jobs, pods, policies, slots, environments, bundles, models);
  }

  List<EventSource<?, CustomJobRun>> list() {
    return List.of(jobs, pods, policies, slots, environments, bundles, models);
  }

  /** The runs of {@code namespace} as the queue sees them (fresh: slot events come from here). */
  Stream<CustomJobRun> runsOf(String namespace) {
    return slots.list(namespace);
  }

  /** Validation's lookups: cluster-scoped kinds and models from caches, references by name. */
  CustomJobRunValidator.Lookups lookups(
      KubernetesClient client, String namespace, PlacementSettings placement) {
    return new CustomJobRunValidator.Lookups(
        name -> environments.get(new ResourceID(name)),
        ResourceBundles.byName(bundles.list().toList(), placement),
        NamespaceLookups.of(client, namespace),
        name -> models.get(new ResourceID(name, namespace)));
  }

  /** What the queue reads of a run: namespace, name, creation time, cancel, phase, Job name. */
  static CustomJobRun slotOnly(CustomJobRun run) {
    CustomJobRun lean = new CustomJobRun();
    lean.setMetadata(
        new ObjectMetaBuilder()
            .withName(run.getMetadata().getName())
            .withNamespace(run.getMetadata().getNamespace())
            .withUid(run.getMetadata().getUid())
            .withResourceVersion(run.getMetadata().getResourceVersion())
            .withCreationTimestamp(run.getMetadata().getCreationTimestamp())
            .build());
    CustomJobRunSpec spec = new CustomJobRunSpec();
    spec.setCancel(run.getSpec() == null ? null : run.getSpec().getCancel());
    lean.setSpec(spec);
    if (run.getStatus() != null) {
      CustomJobRunStatus status = new CustomJobRunStatus();
      status.setPhase(run.getStatus().getPhase());
      status.setJobName(run.getStatus().getJobName());
      // Only the reason of Progressing: whether the run waits for an object (RunQueue.competes).
      Conditions.find(run.getStatus(), Conditions.PROGRESSING)
          .ifPresent(
              c -> {
                Condition reason = new Condition();
                reason.setType(c.getType());
                reason.setReason(c.getReason());
                status.setConditions(List.of(reason));
              });
      lean.setStatus(status);
    }
    return lean;
  }

  /** What validation reads of a model: its name and endpoint. */
  static CustomModel endpointOnly(CustomModel model) {
    CustomModel lean = new CustomModel();
    lean.setMetadata(
        new ObjectMetaBuilder()
            .withName(model.getMetadata().getName())
            .withNamespace(model.getMetadata().getNamespace())
            .withUid(model.getMetadata().getUid())
            .withResourceVersion(model.getMetadata().getResourceVersion())
            .build());
    if (model.getStatus() != null && model.getStatus().getEndpoint() != null) {
      CustomModelStatus status = new CustomModelStatus();
      status.setEndpoint(model.getStatus().getEndpoint());
      lean.setStatus(status);
    }
    return lean;
  }
}
