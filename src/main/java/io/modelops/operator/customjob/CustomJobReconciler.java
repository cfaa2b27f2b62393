package io.modelops.operator.customjob;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
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
import io.modelops.operator.api.v1alpha1.common.ConcurrencyPolicy;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.common.CustomJobRunPhase;
import io.modelops.operator.api.v1alpha1.common.NameRef;
import io.modelops.operator.api.v1alpha1.common.RunSummary;
import io.modelops.operator.api.v1alpha1.common.Schedule;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjob.CustomJobStatus;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRunSpec;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.customjobrun.RunLabels;
import io.modelops.operator.reconcile.ErrorStatus;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.StatusPatch;
import io.modelops.operator.status.WarningEvents;
import io.modelops.operator.workload.ControllerReference;
import io.modelops.operator.workload.Names;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedules CustomJobs: creates a CustomJobRun (owned by the job) at each scheduled time, with
 * CronJob's rules — time zone, suspend, Allow/Forbid/Replace, a starting deadline, one catch-up
 * run for times missed while the operator was down — trims the history of finished scheduled
 * runs, keeps the NetworkPolicy of the job's pods, and reports lastRun, nextScheduleTime,
 * activeRuns and configVersion.
 */
@ControllerConfiguration(name = "customjob")
@Workflow(explicitInvocation = true, dependents = {
    @Dependent(name = "networkpolicy", type = JobNetworkPolicy.class)})
public class CustomJobReconciler implements Reconciler<CustomJob> {
  static final int DEFAULT_SUCCEEDED_HISTORY = 3;
  static final int DEFAULT_FAILED_HISTORY = 1;
  private static final Logger LOG = LoggerFactory.getLogger(CustomJobReconciler.class);

  private final OperatorConfig config;
  private final Clock clock;
  private WarningEvents events;

  public CustomJobReconciler(OperatorConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, CustomJob>> prepareEventSources(
      EventSourceContext<CustomJob> context) {
    events = new WarningEvents(context.getClient(), clock);
    var runs = new InformerEventSource<>(InformerEventSourceConfiguration
        .from(CustomJobRun.class, CustomJob.class)
        .withName("runs")
        .withNamespacesInheritedFromController()
        .withSecondaryToPrimaryMapper(run -> run.getSpec() == null
            || run.getSpec().getCustomJobRef() == null ? Set.of()
            : Set.of(new ResourceID(run.getSpec().getCustomJobRef().getName(),
                run.getMetadata().getNamespace())))
        .build(), context);
    return List.of(runs);
  }

  @Override
  public UpdateControl<CustomJob> reconcile(CustomJob job, Context<CustomJob> context) {
    context.managedWorkflowAndDependentResourceContext().put(JobNetworkPolicy.CONFIG_KEY,
        config);
    context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();

    Instant now = clock.instant();
    CustomJobStatus old = job.getStatus();
    CustomJobStatus status = new CustomJobStatus();
    status.setObservedGeneration(job.getMetadata().getGeneration());
    long configVersion = old == null || old.getConfigVersion() == null ? 1
        : old.getConfigVersion() + (job.getMetadata().getGeneration().equals(
            old.getObservedGeneration()) ? 0 : 1);
    status.setConfigVersion(configVersion);
    status.setMissedSchedules(old == null || old.getMissedSchedules() == null ? 0L
        : old.getMissedSchedules());
    if (old != null) {
      status.setLastScheduleTime(old.getLastScheduleTime());
    }
    List<CustomJobRun> runs = List.copyOf(context.getSecondaryResources(CustomJobRun.class));
    List<CustomJobRun> active = runs.stream().filter(CustomJobReconciler::active).toList();
    Conditions conditions = Conditions.after(old, job.getMetadata().getGeneration(), clock);
    Optional<Duration> wake = Optional.empty();

    Schedule schedule = job.getSpec().getSchedule();
    if (schedule == null) {
      conditions.set(Conditions.READY, true, "Manual",
          "no schedule: create CustomJobRuns to run this job");
    } else {
      try {
        JobSchedule parsed = JobSchedule.of(cronOf(schedule), schedule.getTimeZone());
        boolean suspended = Boolean.TRUE.equals(schedule.getSuspend());
        Instant since = Optional.ofNullable(status.getLastScheduleTime()).map(Instant::parse)
            .orElse(Instant.parse(job.getMetadata().getCreationTimestamp()));
        var due = parsed.due(since, now, Optional.ofNullable(schedule.getStartingDeadlineSeconds()));
        if (!suspended && due.runAt().isPresent()) {
          boolean started = start(job, context, due.runAt().get(), active, schedule);
          if (started) {
            status.setLastScheduleTime(due.runAt().get().toString());
            status.setMissedSchedules(status.getMissedSchedules() + due.missed());
          }
        } else if (due.latest().isPresent()) {
          // Suspended, or too late for the starting deadline: those times are missed.
          status.setLastScheduleTime(due.latest().get().toString());
          status.setMissedSchedules(status.getMissedSchedules() + due.passed());
        }
        Instant after = Optional.ofNullable(status.getLastScheduleTime()).map(Instant::parse)
            .filter(t -> t.isAfter(now)).orElse(now);
        Optional<Instant> next = parsed.next(after);
        next.ifPresent(t -> status.setNextScheduleTime(t.toString()));
        wake = next.map(t -> Duration.between(now, t).plusMillis(200))
            .map(d -> d.isNegative() ? Duration.ofSeconds(1) : d);
        conditions.set(Conditions.READY, true, suspended ? "Suspended" : "Scheduled",
            suspended ? "schedule.suspend is true: no runs are started"
                : "next run at " + status.getNextScheduleTime() + " (" + parsed.expression()
                    + " in " + parsed.zone() + ")");
      } catch (IllegalArgumentException e) {
        conditions.set(Conditions.READY, false, "InvalidSchedule", e.getMessage());
        if (Conditions.find(old, Conditions.READY).map(c -> c.getStatus() == ConditionStatus.TRUE
            || !"InvalidSchedule".equals(c.getReason())).orElse(true)) {
          events.warn(job, "Schedule", Problem.of("InvalidSchedule", e.getMessage()));
        }
      }
    }
    trimHistory(job, context, runs);

    runs = List.copyOf(context.getSecondaryResources(CustomJobRun.class));
    status.setActiveRuns((int) runs.stream().filter(CustomJobReconciler::active).count());
    runs.stream().max(Comparator.comparing(r -> r.getMetadata().getCreationTimestamp()))
        .ifPresent(r -> status.setLastRun(summary(r)));
    status.setConditions(conditions.list());
    LOG.info("{}/{}: {} active runs, next {}", job.getMetadata().getNamespace(),
        job.getMetadata().getName(), status.getActiveRuns(), status.getNextScheduleTime());
    UpdateControl<CustomJob> control = Conditions.differ(old, status)
        ? UpdateControl.patchStatus(StatusPatch.of(job, status, CustomJob::new)) : UpdateControl.noUpdate();
    return wake.map(control::rescheduleAfter).orElse(control);
  }

  /** Starts the run for {@code at} per the concurrency policy; false when Forbid skips it. */
  private boolean start(CustomJob job, Context<CustomJob> context, Instant at,
      List<CustomJobRun> active, Schedule schedule) {
    ConcurrencyPolicy policy = schedule.getConcurrencyPolicy() == null ? ConcurrencyPolicy.ALLOW
        : schedule.getConcurrencyPolicy();
    if (!active.isEmpty() && policy == ConcurrencyPolicy.FORBID) {
      return false;
    }
    if (!active.isEmpty() && policy == ConcurrencyPolicy.REPLACE) {
      for (CustomJobRun run : active) {
        if (ownedBy(run, job)) {
          context.getClient().resource(run).delete();
        }
      }
    }
    String name = Names.dnsLabel(job.getMetadata().getName() + "-"
        + at.getEpochSecond() / 60, 63);
    CustomJobRun run = new CustomJobRun();
    run.setMetadata(new ObjectMetaBuilder().withName(name)
        .withNamespace(job.getMetadata().getNamespace())
        .withLabels(RunLabels.job(job.getMetadata().getName()))
        .addToAnnotations("modelops.io/scheduled-at", at.toString())
        .build());
    CustomJobRunSpec spec = new CustomJobRunSpec();
    NameRef ref = new NameRef();
    ref.setName(job.getMetadata().getName());
    spec.setCustomJobRef(ref);
    spec.setDescription("scheduled run for " + at);
    run.setSpec(spec);
    ControllerReference.set(run, job);
    try {
      context.getClient().resource(run).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
    }
    return true;
  }

  private void trimHistory(CustomJob job, Context<CustomJob> context, List<CustomJobRun> runs) {
    var finished = runs.stream()
        .filter(r -> ownedBy(r, job) && r.getStatus() != null && r.getStatus().getPhase() != null
            && !active(r) && r.getStatus().getCompletionTime() != null)
        .map(r -> new RunHistory.Finished(r.getMetadata().getName(),
            Instant.parse(r.getStatus().getCompletionTime()),
            r.getStatus().getPhase() == CustomJobRunPhase.SUCCEEDED))
        .toList();
    int keepSucceeded = Optional.ofNullable(job.getSpec().getSuccessfulRunsHistoryLimit())
        .orElse(DEFAULT_SUCCEEDED_HISTORY);
    int keepFailed = Optional.ofNullable(job.getSpec().getFailedRunsHistoryLimit())
        .orElse(DEFAULT_FAILED_HISTORY);
    Set<String> delete = Set.copyOf(RunHistory.toDelete(finished, keepSucceeded, keepFailed));
    runs.stream().filter(r -> delete.contains(r.getMetadata().getName()))
        .forEach(r -> context.getClient().resource(r).delete());
  }

  static boolean active(CustomJobRun run) {
    if (run.getStatus() == null || run.getStatus().getPhase() == null) {
      return !Boolean.TRUE.equals(run.getSpec().getCancel());
    }
    return switch (run.getStatus().getPhase()) {
      case QUEUED, RUNNING, CANCELING -> true;
      default -> false;
    };
  }

  private static boolean ownedBy(CustomJobRun run, CustomJob job) {
    return run.getMetadata().getOwnerReferences() != null
        && run.getMetadata().getOwnerReferences().stream()
            .anyMatch(o -> job.getMetadata().getUid().equals(o.getUid()));
  }

  private static RunSummary summary(CustomJobRun run) {
    RunSummary s = new RunSummary();
    s.setName(run.getMetadata().getName());
    if (run.getStatus() != null) {
      s.setPhase(run.getStatus().getPhase());
      s.setStartTime(run.getStatus().getStartTime());
      s.setCompletionTime(run.getStatus().getCompletionTime());
    }
    return s;
  }

  /** The cron expression of a schedule: its cron string, or its structured form. */
  static String cronOf(Schedule s) {
    if (s.getCron() != null) {
      return s.getCron();
    }
    return JobSchedule.cronOf(values(s.getMinute()), values(s.getHour()),
        values(s.getDayOfMonth()), values(s.getMonth()), values(s.getDayOfWeek()));
  }

  private static List<String> values(List<IntOrString> field) {
    if (field == null) {
      return List.of("*");
    }
    return field.stream().map(v -> v.getIntVal() != null ? v.getIntVal().toString()
        : v.getStrVal().toLowerCase(Locale.ROOT)).collect(Collectors.toList());
  }


  @Override
  public ErrorStatusUpdateControl<CustomJob> updateErrorStatus(
      CustomJob job, Context<CustomJob> context, Exception e) {
    return ErrorStatus.report(
        job, context, e, Conditions.READY, CustomJobStatus::new, CustomJob::new, clock, LOG);
  }
}
