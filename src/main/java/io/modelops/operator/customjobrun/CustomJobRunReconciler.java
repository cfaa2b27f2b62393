package io.modelops.operator.customjobrun;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRunPhase;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRunStatus;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.reconcile.ErrorStatus;
import io.modelops.operator.reconcile.NameClaims;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.StatusPatch;
import io.modelops.operator.status.WarningEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Runs CustomJobRuns: each becomes one batch/v1 Job once it is valid, its CustomJob's NetworkPolicy
 * is in place ({@link RunEgress}), its objects' names are free ({@link NameClaims}) and a run slot
 * of its namespace is free ({@code maxCustomJobRuns}, creation order), and its status follows the
 * Job and its pods through the run phases of docs/api.md ({@link RunProgress}). Deterministic
 * failures (a missing reference, an image that cannot be pulled, an init container failing the same
 * way twice) end the run at once. Cancel ({@code spec.cancel: true}) deletes the Job; deleting the
 * run deletes it too (garbage collection through the controller reference), so no finalizer is ever
 * added. The flow: validate, plan, hand the plan to the workflow, observe, report.
 */
@ControllerConfiguration(name = "customjobrun")
@Workflow(
    explicitInvocation = true,
    dependents = {
      @Dependent(
          name = "config",
          type = RunConfig.class,
          reconcilePrecondition = RunConfig.Needed.class),
      // No dependsOn: a dependent whose precondition is unmet would hold back those after it.
      @Dependent(name = "job", type = RunJob.class, reconcilePrecondition = RunJob.Wanted.class)
    })
public class CustomJobRunReconciler implements Reconciler<CustomJobRun> {
  /**
   * A safety net only: a queued run is woken when a run of its namespace finishes, is canceled or
   * deleted (the run slots event source), and looks again this long after its last reconcile.
   */
  static final Duration QUEUE_RECHECK = Duration.ofMinutes(10);

  /** A run waiting for its CustomJob looks again this often. */
  static final Duration JOB_RECHECK = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(CustomJobRunReconciler.class);

  private final OperatorConfig config;
  private final Clock clock;
  private final ErrorStatus<CustomJobRunStatus, CustomJobRun> errors;
  private WarningEvents events;
  private RunEventSources sources;

  public CustomJobRunReconciler(OperatorConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.errors =
        new ErrorStatus<>(
            Conditions.PROGRESSING, CustomJobRunStatus::new, CustomJobRun::new, clock, LOG);
  }

  @Override
  public List<EventSource<?, CustomJobRun>> prepareEventSources(
      EventSourceContext<CustomJobRun> context) {
    events = new WarningEvents(context.getClient(), clock);
    sources = RunEventSources.of(context);
    return sources.list();
  }

  @Override
  public UpdateControl<CustomJobRun> reconcile(CustomJobRun run, Context<CustomJobRun> context) {
    CustomJobRunStatus old = run.getStatus();
    if (old != null && old.getPhase() != null && old.getPhase().finished()) {
      return UpdateControl.noUpdate();
    }
    Optional<Job> existing = context.getSecondaryResource(Job.class);
    RunProgress.Observation observation;
    Optional<Duration> recheck = Optional.empty();
    Optional<Problem> conflict = Optional.empty();
    if (Boolean.TRUE.equals(run.getSpec().getCancel())) {
      observation = workflow(run, context, Optional.empty());
    } else if (existing.isPresent()) {
      observation = RunProgress.observe(false, existing, pods(run, existing, context));
    } else {
      Optional<CustomJob> job = context.getSecondaryResource(CustomJob.class);
      var validation =
          CustomJobRunValidator.validate(
              run,
              job,
              config.egress(),
              () -> sources.lookups(context.getClient(), namespace(run), config.placement()));
      if (validation.waitsForJob()) {
        observation = RunProgress.waitingForJob(validation.summary());
        recheck = Optional.of(JOB_RECHECK);
      } else if (!validation.valid()) {
        observation = RunProgress.refused(validation.summary());
      } else if (!RunEgress.enforced(
          job.get(), context.getSecondaryResource(NetworkPolicy.class))) {
        // Fail closed: the run's pods never exist without the job's NetworkPolicy.
        observation = RunProgress.waiting(RunEgress.pending(job.get()));
      } else if (RunQueue.admits(
          run, sources.runsOf(namespace(run)), config.limits().maxCustomJobRuns())) {
        RunPlan plan = RunPlanner.plan(run, job.get(), validation.resolved().orElseThrow(), config);
        conflict = NameClaims.conflict(run, plan.claims(), owned(context), context.getClient());
        if (conflict.isPresent()) {
          observation = RunProgress.waiting(conflict.get());
          recheck = Optional.of(NameClaims.RECHECK);
        } else {
          observation = workflow(run, context, Optional.of(plan));
        }
      } else {
        observation = RunProgress.queued(config.limits().maxCustomJobRuns());
        recheck = Optional.of(QUEUE_RECHECK);
      }
    }
    Optional<Job> k8sJob = context.getSecondaryResource(Job.class).or(() -> existing);
    if (observation.failFast() && k8sJob.isPresent()) {
      // A deterministic failure: stop retrying now. Deleting the Job removes its pods.
      context
          .getClient()
          .resource(k8sJob.get())
          .withPropagationPolicy(DeletionPropagation.BACKGROUND)
          .delete();
    }

    CustomJobRunStatus status = RunStatusBuilder.build(run, observation, k8sJob, clock);
    boolean transition = old == null || old.getPhase() != status.getPhase();
    if (transition && status.getPhase() == CustomJobRunPhase.FAILED) {
      events.warn(run, "Run", Problem.of(observation.reason(), observation.message()));
    }
    if (conflict.isPresent() && Conditions.transitioned(old, status, Conditions.PROGRESSING)) {
      events.warn(run, "Run", conflict.get());
    }
    // A phase change (queued, started, finished) at INFO; an unchanged phase at DEBUG.
    LOG.atLevel(transition ? Level.INFO : Level.DEBUG)
        .log(
            "{}/{}: {} ({})",
            namespace(run),
            run.getMetadata().getName(),
            status.getPhase(),
            observation.reason());
    UpdateControl<CustomJobRun> control =
        Conditions.differ(old, status)
            ? UpdateControl.patchStatus(StatusPatch.of(run, status, CustomJobRun::new))
            : UpdateControl.noUpdate();
    return recheck.map(control::rescheduleAfter).orElse(control);
  }

  /** Hands the workflow the plan of a run that starts, or none to cancel; then observes. */
  private static RunProgress.Observation workflow(
      CustomJobRun run, Context<CustomJobRun> context, Optional<RunPlan> plan) {
    plan.ifPresent(p -> context.managedWorkflowAndDependentResourceContext().put(RunPlan.KEY, p));
    context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
    Optional<Job> job = context.getSecondaryResource(Job.class);
    return RunProgress.observe(plan.isEmpty(), job, pods(run, job, context));
  }

  /** Every object the informers know as this run's. */
  private static List<HasMetadata> owned(Context<CustomJobRun> context) {
    List<HasMetadata> owned = new ArrayList<>();
    owned.addAll(context.getSecondaryResources(Job.class));
    owned.addAll(context.getSecondaryResources(ConfigMap.class));
    return owned;
  }

  /** The pods of the run's own Job: no other pod ever decides the run's phase or stops it. */
  private static List<Pod> pods(
      CustomJobRun run, Optional<Job> job, Context<CustomJobRun> context) {
    return RunPods.of(run, job, List.copyOf(context.getSecondaryResources(Pod.class)));
  }

  private static String namespace(CustomJobRun run) {
    return run.getMetadata().getNamespace();
  }

  @Override
  public ErrorStatusUpdateControl<CustomJobRun> updateErrorStatus(
      CustomJobRun run, Context<CustomJobRun> context, Exception e) {
    return errors.report(run, context, e);
  }
}
