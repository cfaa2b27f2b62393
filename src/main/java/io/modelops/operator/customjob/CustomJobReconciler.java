package io.modelops.operator.customjob;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjob.CustomJobStatus;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.config.EgressRules;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.reconcile.ErrorStatus;
import io.modelops.operator.reconcile.Mappers;
import io.modelops.operator.reconcile.NameClaims;
import io.modelops.operator.reconcile.References;
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
import org.slf4j.event.Level;

/**
 * Schedules CustomJobs: creates a CustomJobRun (owned by the job) at each scheduled time, with
 * CronJob's rules ({@link ScheduleDecision}), trims the history of finished scheduled runs, keeps
 * the NetworkPolicy of the job's pods (refusing with {@code NameConflict} when another object holds
 * its name), and reports lastRun, nextScheduleTime, activeRuns and configVersion. The flow:
 * validate, decide, carry the decision out, report.
 */
@ControllerConfiguration(name = "customjob")
public class CustomJobReconciler implements Reconciler<CustomJob> {
  private static final Logger LOG = LoggerFactory.getLogger(CustomJobReconciler.class);

  private final Clock clock;
  private final ErrorStatus<CustomJobStatus, CustomJob> errors;
  private final JobNetworkPolicy networkPolicy;
  private final EgressRules egress;
  private final List<String> gitHttpHosts;
  private WarningEvents events;

  public CustomJobReconciler(OperatorConfig config, Clock clock) {
    this.clock = clock;
    this.errors =
        new ErrorStatus<>(Conditions.READY, CustomJobStatus::new, CustomJob::new, clock, LOG);
    this.networkPolicy = new JobNetworkPolicy(config);
    this.egress = config.egress();
    this.gitHttpHosts = config.gitHttpHosts();
  }

  @Override
  public List<EventSource<?, CustomJob>> prepareEventSources(
      EventSourceContext<CustomJob> context) {
    events = new WarningEvents(context.getClient(), clock);
    var runs =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(CustomJobRun.class, CustomJob.class)
                .withName("runs")
                .withNamespacesInheritedFromController()
                .withSecondaryToPrimaryMapper(Mappers.toReferenced(References::job))
                .build(),
            context);
    List<EventSource<?, CustomJob>> sources =
        new ArrayList<>(EventSourceUtils.dependentEventSources(context, networkPolicy));
    sources.add(runs);
    return sources;
  }

  @Override
  public UpdateControl<CustomJob> reconcile(CustomJob job, Context<CustomJob> context) {
    var checked = CustomJobValidator.validate(job, egress, gitHttpHosts);
    Optional<Problem> conflict =
        NameClaims.conflict(
            job,
            List.of(JobNetworkPolicy.claim(job)),
            context.getSecondaryResources(NetworkPolicy.class),
            context.getClient());
    // A policy the namespace may not use is not applied: nothing of a refused job changes.
    if (conflict.isEmpty() && CustomJobValidator.egress(job, egress).isEmpty()) {
      networkPolicy.reconcile(job, context);
    }
    CustomJobStatus old = job.getStatus();
    Conditions conditions = Conditions.after(old, job.getMetadata().getGeneration(), clock);
    var validation =
        conflict
            .map(p -> new CustomJobValidator.Result(Optional.empty(), List.of(p)))
            .orElse(checked);
    List<CustomJobRun> runs = List.copyOf(context.getSecondaryResources(CustomJobRun.class));
    Optional<ScheduleDecision> decision =
        JobReadiness.decide(job, validation, runs, conditions, events, clock);
    decision.ifPresent(d -> JobRunWrites.carryOut(job, context.getClient(), d, runs));
    JobRunWrites.trimHistory(job, context.getClient(), runs);

    CustomJobStatus status =
        JobStatusBuilder.build(
            job,
            decision,
            List.copyOf(context.getSecondaryResources(CustomJobRun.class)),
            conditions);
    boolean changed = Conditions.differ(old, status);
    // A status change is a transition (INFO); an unchanged pass is a repeat (DEBUG).
    LOG.atLevel(changed ? Level.INFO : Level.DEBUG)
        .log(
            "{}/{}: {} active runs, next {}",
            job.getMetadata().getNamespace(),
            job.getMetadata().getName(),
            status.getActiveRuns(),
            status.getNextScheduleTime());
    UpdateControl<CustomJob> control = StatusPatch.ifChanged(job, status, CustomJob::new);
    if (conflict.isPresent()) {
      return control.rescheduleAfter(NameClaims.RECHECK);
    }
    return decision.flatMap(ScheduleDecision::wake).map(control::rescheduleAfter).orElse(control);
  }

  @Override
  public ErrorStatusUpdateControl<CustomJob> updateErrorStatus(
      CustomJob job, Context<CustomJob> context, Exception e) {
    return errors.report(job, context, e);
  }
}
