package io.modelops.operator.customjobrun;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
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
import io.modelops.operator.api.v1alpha1.common.CustomJobRunPhase;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRunStatus;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.api.v1alpha1.resourcebundle.ResourceBundle;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.customjobrun.RunProgress.Phase;
import io.modelops.operator.resourcebundle.ResourceBundles;
import io.modelops.operator.reconcile.ErrorStatus;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.StatusPatch;
import io.modelops.operator.status.WarningEvents;
import io.modelops.operator.workload.NamespaceLookups;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs CustomJobRuns: each becomes one batch/v1 Job once a run slot of its namespace is free
 * ({@code maxCustomJobRuns}, creation order), and its status follows the Job and its pods
 * through the seed's phases. Deterministic failures (a missing reference, an image that cannot
 * be pulled, an init container failing the same way twice) end the run at once. Cancel
 * ({@code spec.cancel: true}) deletes the Job; deleting the run deletes it too (garbage
 * collection through the controller reference), so no finalizer is ever added.
 */
@ControllerConfiguration(name = "customjobrun")
@Workflow(explicitInvocation = true, dependents = {
    @Dependent(name = "config", type = RunConfig.class,
        reconcilePrecondition = RunConfig.Needed.class),
    // No dependsOn: a dependent whose precondition is unmet would hold back those after it.
    @Dependent(name = "job", type = RunJob.class, reconcilePrecondition = RunJob.Wanted.class)})
public class CustomJobRunReconciler implements Reconciler<CustomJobRun> {
  static final String BY_JOB = "byJob";
  /** Queued runs look for a free slot this often (slots free when other runs finish). */
  static final Duration QUEUE_RECHECK = Duration.ofSeconds(3);
  private static final Logger LOG = LoggerFactory.getLogger(CustomJobRunReconciler.class);

  private final OperatorConfig config;
  private final Clock clock;
  private WarningEvents events;

  public CustomJobRunReconciler(OperatorConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  static String jobKey(String namespace, String job) {
    return namespace + "/" + job;
  }

  @Override
  public List<EventSource<?, CustomJobRun>> prepareEventSources(
      EventSourceContext<CustomJobRun> context) {
    events = new WarningEvents(context.getClient(), clock);
    context.getPrimaryCache().addIndexer(BY_JOB, r -> r.getSpec() == null
        || r.getSpec().getCustomJobRef() == null ? List.of()
        : List.of(jobKey(r.getMetadata().getNamespace(), r.getSpec().getCustomJobRef().getName())));
    var jobs = new InformerEventSource<>(InformerEventSourceConfiguration
        .from(CustomJob.class, CustomJobRun.class)
        .withName("customjobs")
        .withNamespacesInheritedFromController()
        .withSecondaryToPrimaryMapper(job -> context.getPrimaryCache()
            .byIndex(BY_JOB, jobKey(job.getMetadata().getNamespace(),
                job.getMetadata().getName()))
            .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
        .withPrimaryToSecondaryMapper((CustomJobRun r) -> Set.of(new ResourceID(
            r.getSpec().getCustomJobRef().getName(), r.getMetadata().getNamespace())))
        .build(), context);
    var pods = new InformerEventSource<>(InformerEventSourceConfiguration
        .from(Pod.class, CustomJobRun.class)
        .withName("runpods")
        .withNamespacesInheritedFromController()
        .withLabelSelector(RunLabels.SELECTOR)
        .withSecondaryToPrimaryMapper(pod -> {
          var annotations = pod.getMetadata().getAnnotations();
          String run = annotations == null ? null : annotations.get(RunLabels.RUN_NAME_ANNOTATION);
          return run == null ? Set.of()
              : Set.of(new ResourceID(run, pod.getMetadata().getNamespace()));
        })
        .build(), context);
    return List.of(jobs, pods);
  }

  @Override
  public UpdateControl<CustomJobRun> reconcile(CustomJobRun run, Context<CustomJobRun> context) {
    CustomJobRunStatus old = run.getStatus();
    if (old != null && old.getPhase() != null && terminal(old.getPhase())) {
      return UpdateControl.noUpdate();
    }
    String namespace = run.getMetadata().getNamespace();
    boolean cancel = Boolean.TRUE.equals(run.getSpec().getCancel());
    Optional<CustomJob> job = context.getSecondaryResource(CustomJob.class);
    Optional<Job> existing = context.getSecondaryResource(Job.class);
    Optional<ConfigMap> existingConfig = context.getSecondaryResource(ConfigMap.class);

    RunProgress.Observation observation;
    Optional<Duration> recheck = Optional.empty();
    if (cancel) {
      invoke(context, new RunPlan(Optional.empty(), Optional.empty()));
      observation = RunProgress.observe(true, context.getSecondaryResource(Job.class),
          List.copyOf(context.getSecondaryResources(Pod.class)));
    } else if (existing.isPresent()) {
      invoke(context, new RunPlan(existing, existingConfig));
      observation = RunProgress.observe(false, existing,
          List.copyOf(context.getSecondaryResources(Pod.class)));
    } else if (job.isEmpty()) {
      observation = new RunProgress.Observation(Phase.queued, "CustomJobNotFound",
          "spec.customJobRef.name: CustomJob \"" + run.getSpec().getCustomJobRef().getName()
              + "\" does not exist in namespace " + namespace, Optional.empty(),
          Optional.empty(), false);
      recheck = Optional.of(Duration.ofSeconds(10));
    } else {
      var outcome = RunPlanner.plan(run, job.get(), lookups(context, namespace), config);
      if (!outcome.problems().isEmpty()) {
        Problem first = outcome.problems().get(0);
        observation = new RunProgress.Observation(Phase.failed, first.reason(),
            outcome.problems().stream().map(Problem::message).collect(Collectors.joining("; ")),
            Optional.empty(), Optional.empty(), false);
      } else if (admitted(run, context)) {
        invoke(context, new RunPlan(outcome.job(), outcome.config()));
        observation = RunProgress.observe(false, context.getSecondaryResource(Job.class),
            List.copyOf(context.getSecondaryResources(Pod.class)));
      } else {
        observation = new RunProgress.Observation(Phase.queued, "Queued",
            "waiting for a free run slot: at most maxCustomJobRuns="
                + config.limits().maxCustomJobRuns() + " runs of a namespace run at once",
            Optional.empty(), Optional.empty(), false);
        recheck = Optional.of(QUEUE_RECHECK);
      }
    }
    Optional<Job> k8sJob = context.getSecondaryResource(Job.class).or(() -> existing);
    if (observation.failFast() && k8sJob.isPresent()) {
      // A deterministic failure: stop retrying now. Deleting the Job removes its pods.
      context.getClient().resource(k8sJob.get())
          .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
    }

    CustomJobRunStatus status = status(run, old, observation, k8sJob);
    if (status.getPhase() == CustomJobRunPhase.FAILED
        && (old == null || old.getPhase() != CustomJobRunPhase.FAILED)) {
      events.warn(run, "Run", Problem.of(observation.reason(), observation.message()));
    }
    LOG.info("{}/{}: {} ({})", namespace, run.getMetadata().getName(), status.getPhase(),
        observation.reason());
    UpdateControl<CustomJobRun> control = Conditions.differ(old, status)
        ? UpdateControl.patchStatus(StatusPatch.of(run, status, CustomJobRun::new)) : UpdateControl.noUpdate();
    return recheck.map(control::rescheduleAfter).orElse(control);
  }

  private static void invoke(Context<CustomJobRun> context, RunPlan plan) {
    context.managedWorkflowAndDependentResourceContext().put(RunPlan.KEY, plan);
    context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
  }

  private RunPlanner.Lookups lookups(Context<CustomJobRun> context, String namespace) {
    var client = context.getClient();
    return new RunPlanner.Lookups(
        name -> Optional.ofNullable(client.resources(ExecutionEnvironment.class).withName(name)
            .get()),
        ResourceBundles.byName(client.resources(ResourceBundle.class).list().getItems()),
        NamespaceLookups.of(client, namespace),
        name -> Optional.ofNullable(client.resources(CustomModel.class).inNamespace(namespace)
            .withName(name).get()));
  }

  /** Whether this run holds, or may take, one of its namespace's run slots. */
  private boolean admitted(CustomJobRun run, Context<CustomJobRun> context) {
    var candidates = context.getPrimaryCache()
        .list(r -> run.getMetadata().getNamespace().equals(r.getMetadata().getNamespace()))
        .filter(r -> !Boolean.TRUE.equals(r.getSpec().getCancel()))
        .filter(r -> r.getStatus() == null || r.getStatus().getPhase() == null
            || !terminal(r.getStatus().getPhase()))
        .map(r -> new RunQueue.Candidate(r.getMetadata().getName(),
            Instant.parse(r.getMetadata().getCreationTimestamp()),
            r.getStatus() != null && r.getStatus().getJobName() != null))
        .toList();
    Set<String> admitted = RunQueue.admitted(candidates, config.limits().maxCustomJobRuns());
    LOG.debug("{}: run slots {} among {}", run.getMetadata().getName(), admitted, candidates);
    return admitted.contains(run.getMetadata().getName());
  }

  static boolean terminal(CustomJobRunPhase phase) {
    return Phase.valueOf(phase.name().toLowerCase(Locale.ROOT)).finished();
  }

  private CustomJobRunStatus status(CustomJobRun run, CustomJobRunStatus old,
      RunProgress.Observation o, Optional<Job> job) {
    CustomJobRunStatus status = new CustomJobRunStatus();
    status.setObservedGeneration(run.getMetadata().getGeneration());
    CustomJobRunPhase phase = CustomJobRunPhase.valueOf(o.phase().name().toUpperCase(Locale.ROOT));
    status.setPhase(phase);
    status.setMessage(o.message());
    o.exitCode().ifPresent(status::setExitCode);
    Optional<String> podName = o.podName().or(() -> Optional.ofNullable(old)
        .map(CustomJobRunStatus::getPodName));
    podName.ifPresent(status::setPodName);
    Optional<String> jobName = job.map(j -> j.getMetadata().getName())
        .or(() -> Optional.ofNullable(old).map(CustomJobRunStatus::getJobName));
    jobName.ifPresent(name -> {
      status.setJobName(name);
      status.setLogsCommand("kubectl logs -n " + run.getMetadata().getNamespace() + " job/"
          + name + " --all-containers");
    });
    String start = old != null && old.getStartTime() != null ? old.getStartTime()
        : job.isPresent() && phase != CustomJobRunPhase.QUEUED ? now() : null;
    status.setStartTime(start);
    if (o.phase().finished()) {
      String end = now();
      status.setCompletionTime(end);
      if (start != null) {
        status.setDuration(Duration.between(Instant.parse(start), Instant.parse(end))
            .getSeconds());
      }
    }
    Conditions conditions = Conditions.after(old, run.getMetadata().getGeneration(), clock);
    conditions.set(Conditions.READY, phase == CustomJobRunPhase.SUCCEEDED, o.reason(),
        o.message());
    conditions.set(Conditions.PROGRESSING, !o.phase().finished(), o.reason(), o.message());
    status.setConditions(conditions.list());
    return status;
  }

  private String now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }


  @Override
  public ErrorStatusUpdateControl<CustomJobRun> updateErrorStatus(
      CustomJobRun run, Context<CustomJobRun> context, Exception e) {
    return ErrorStatus.report(
        run, context, e, Conditions.PROGRESSING, CustomJobRunStatus::new, CustomJobRun::new, clock, LOG);
  }
}
