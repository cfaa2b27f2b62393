package io.modelops.operator.customjobrun;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRunStatus;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.reconcile.ErrorStatus;
import io.modelops.operator.reconcile.NameClaims;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.StatusPatch;
import io.modelops.operator.status.WarningEvents;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs CustomJobRuns: each becomes one batch/v1 Job once it is valid, its CustomJob's NetworkPolicy
 * is in place ({@link RunEgress}), its objects' names are free ({@link NameClaims}) and a run slot
 * of its namespace is free ({@code maxCustomJobRuns}, creation order), and its status follows the
 * Job and its pods through the run phases of docs/api.md ({@link RunProgress}). Deterministic
 * failures (a missing reference, an image that cannot be pulled, an init container failing the same
 * way twice) end the run at once. Cancel ({@code spec.cancel: true}) deletes the Job; deleting the
 * run deletes it too (garbage collection through the controller reference), so no finalizer is ever
 * added. A finished run keeps its outcome; a later cancel is observed and has no effect ({@link
 * FinishedRun}). The flow: validate, plan, hand the plan to the workflow, observe, report.
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
    if (FinishedRun.is(old)) {
      CustomJobRunStatus observed = FinishedRun.observe(run, clock);
      return Conditions.differ(old, observed)
          ? UpdateControl.patchStatus(StatusPatch.of(run, observed, CustomJobRun::new))
          : UpdateControl.noUpdate();
    }
    Optional<Job> existing = context.getSecondaryResource(Job.class);
    RunAdmission.Step step;
    if (Boolean.TRUE.equals(run.getSpec().getCancel())) {
      step = RunAdmission.Step.of(workflow(run, context, Optional.empty()));
    } else if (existing.isPresent()) {
      step =
          RunAdmission.Step.of(RunProgress.observe(false, existing, pods(run, existing, context)));
    } else {
      step =
          RunAdmission.decide(
              run, context, sources, config, plan -> workflow(run, context, Optional.of(plan)));
    }
    RunProgress.Observation observation = step.observation();
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
    RunTransitions.report(run, old, status, observation, step.conflict(), events);
    UpdateControl<CustomJobRun> control = StatusPatch.ifChanged(run, status, CustomJobRun::new);
    return step.recheck().map(control::rescheduleAfter).orElse(control);
  }

  /** Hands the workflow the plan of a run that starts, or none to cancel; then observes. */
  private static RunProgress.Observation workflow(
      CustomJobRun run, Context<CustomJobRun> context, Optional<RunPlan> plan) {
    plan.ifPresent(p -> context.managedWorkflowAndDependentResourceContext().put(RunPlan.KEY, p));
    context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
    Optional<Job> job = context.getSecondaryResource(Job.class);
    return RunProgress.observe(plan.isEmpty(), job, pods(run, job, context));
  }

  /** The pods of the run's own Job: no other pod ever decides the run's phase or stops it. */
  private static List<Pod> pods(
      CustomJobRun run, Optional<Job> job, Context<CustomJobRun> context) {
    return RunPods.of(run, job, List.copyOf(context.getSecondaryResources(Pod.class)));
  }

  @Override
  public ErrorStatusUpdateControl<CustomJobRun> updateErrorStatus(
      CustomJobRun run, Context<CustomJobRun> context, Exception e) {
    return errors.report(run, context, e);
  }
}
