package io.modelops.operator.customjobrun;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.reconcile.NameClaims;
import io.modelops.operator.status.Problem;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The way of a run that has no Job yet: valid, its CustomJob there, the job's NetworkPolicy in
 * place (fail closed), a run slot free in its namespace, its objects' names free; then it starts.
 * Each step that holds the run back says why and when to look again.
 */
final class RunAdmission {
  /**
   * A safety net only: a queued run is woken when a run of its namespace finishes, is canceled or
   * deleted (the run slots event source), and looks again this long after its last reconcile.
   */
  static final Duration QUEUE_RECHECK = Duration.ofMinutes(10);

  /**
   * A run waiting for its CustomJob, environment, bundle or sidecar model looks again this often
   * (the job's arrival wakes it at once; the others are read from caches that wake no run).
   */
  static final Duration WAIT_RECHECK = Duration.ofSeconds(10);

  /**
   * Where the run stands after this reconcile.
   *
   * @param observation what the run's status reports
   * @param recheck when to look again, if no event is expected to wake the run
   * @param conflict an object holding one of the run's names, if any
   */
  record Step(
      RunProgress.Observation observation, Optional<Duration> recheck, Optional<Problem> conflict) {
    static Step of(RunProgress.Observation observation) {
      return new Step(observation, Optional.empty(), Optional.empty());
    }
  }

  private RunAdmission() {}

  static Step decide(
      CustomJobRun run,
      Context<CustomJobRun> context,
      RunEventSources sources,
      OperatorConfig config,
      Function<RunPlan, RunProgress.Observation> start) {
    String namespace = run.getMetadata().getNamespace();
    Optional<CustomJob> job = context.getSecondaryResource(CustomJob.class);
    var validation =
        CustomJobRunValidator.validate(
            run,
            job,
            config.egress(),
            config.gitHttpHosts(),
            () -> sources.lookups(context.getClient(), namespace, config.placement()));
    if (validation.waits()) {
      return new Step(
          RunProgress.waiting(validation.summary()), Optional.of(WAIT_RECHECK), Optional.empty());
    }
    if (!validation.valid()) {
      return Step.of(RunProgress.refused(validation.summary()));
    }
    if (!RunEgress.enforced(job.get(), context.getSecondaryResource(NetworkPolicy.class))) {
      // Fail closed: the run's pods never exist without the job's NetworkPolicy.
      return Step.of(RunProgress.waiting(RunEgress.pending(job.get())));
    }
    int slots = config.limits().maxCustomJobRuns();
    if (!RunQueue.admits(run, sources.runsOf(namespace), slots)) {
      return new Step(RunProgress.queued(slots), Optional.of(QUEUE_RECHECK), Optional.empty());
    }
    RunPlan plan = RunPlanner.plan(run, job.get(), validation.resolved().orElseThrow(), config);
    Optional<Problem> conflict =
        NameClaims.conflict(
            run,
            plan.claims(),
            NameClaims.known(context, Job.class, ConfigMap.class),
            context.getClient());
    if (conflict.isPresent()) {
      return new Step(
          RunProgress.waiting(conflict.get()), Optional.of(NameClaims.RECHECK), conflict);
    }
    return Step.of(start.apply(plan));
  }
}
