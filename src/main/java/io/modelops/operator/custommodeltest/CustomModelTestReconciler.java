package io.modelops.operator.custommodeltest;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
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
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTestStatus;
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
import org.slf4j.event.Level;

/**
 * Runs CustomModelTests: each becomes one batch/v1 Job once it is valid ({@link TestValidator}),
 * its names are free ({@link NameClaims}) and no other test of its model is in progress ({@link
 * TestQueue}); the workflow creates the test's NetworkPolicy first and the Job only once the policy
 * is in place. The status follows the Job and its pod ({@link TestProgress}) until the tester's
 * report decides the outcome; an ended test is never looked at again. Cancel ({@code spec.cancel:
 * true}) deletes the Job; deleting the test deletes it through the controller reference, so no
 * finalizer is added.
 */
@ControllerConfiguration(name = "custommodeltest")
@Workflow(
    explicitInvocation = true,
    dependents = {
      @Dependent(
          name = "networkpolicy",
          type = TestNetworkPolicy.class,
          reconcilePrecondition = TestNetworkPolicy.Wanted.class,
          readyPostcondition = TestNetworkPolicy.Enforced.class),
      @Dependent(
          name = "job",
          type = TestJob.class,
          dependsOn = "networkpolicy",
          reconcilePrecondition = TestJob.Wanted.class)
    })
public class CustomModelTestReconciler implements Reconciler<CustomModelTest> {
  private static final Logger LOG = LoggerFactory.getLogger(CustomModelTestReconciler.class);

  private final OperatorConfig config;
  private final Clock clock;
  private final ErrorStatus<CustomModelTestStatus, CustomModelTest> errors;
  private WarningEvents events;
  private TestEventSources sources;

  public CustomModelTestReconciler(OperatorConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.errors =
        new ErrorStatus<>(
            Conditions.PROGRESSING, CustomModelTestStatus::new, CustomModelTest::new, clock, LOG);
  }

  @Override
  public List<EventSource<?, CustomModelTest>> prepareEventSources(
      EventSourceContext<CustomModelTest> context) {
    events = new WarningEvents(context.getClient(), clock);
    sources = TestEventSources.of(context);
    return sources.list();
  }

  @Override
  public UpdateControl<CustomModelTest> reconcile(
      CustomModelTest test, Context<CustomModelTest> context) {
    CustomModelTestStatus old = test.getStatus();
    if (old != null && old.getOverallStatus() != null && old.getOverallStatus().isFinal()) {
      return UpdateControl.noUpdate();
    }
    Optional<Job> existing = context.getSecondaryResource(Job.class);
    TestAdmission.Step step = TestAdmission.decide(test, context, sources, config);
    TestProgress.Observation observation = step.observation();
    Optional<Job> job = context.getSecondaryResource(Job.class).or(() -> existing);
    if (observation.stopJob() && job.isPresent()) {
      context
          .getClient()
          .resource(job.get())
          .withPropagationPolicy(DeletionPropagation.BACKGROUND)
          .delete();
    }
    CustomModelTestStatus status =
        TestStatusBuilder.build(test, observation, step.model(), job, clock);
    // One Warning per refusal: when the Ready reason changes (WarningEvents drops a repeat a
    // second reconcile makes while it still sees the status from before this one's write).
    if (step.refusal().isPresent() && !sameReason(old, status)) {
      events.warn(test, "Test", step.refusal().get());
    }
    boolean transition = old == null || old.getOverallStatus() != status.getOverallStatus();
    LOG.atLevel(transition ? Level.INFO : Level.DEBUG)
        .log(
            "{}/{}: {} ({})",
            test.getMetadata().getNamespace(),
            test.getMetadata().getName(),
            status.getOverallStatus(),
            observation.reason());
    UpdateControl<CustomModelTest> control =
        StatusPatch.ifChanged(test, status, CustomModelTest::new);
    return step.recheck().map(control::rescheduleAfter).orElse(control);
  }

  private static boolean sameReason(CustomModelTestStatus old, CustomModelTestStatus now) {
    var before = Conditions.find(old, Conditions.READY).map(c -> c.getReason());
    return before.isPresent()
        && before.equals(Conditions.find(now, Conditions.READY).map(c -> c.getReason()));
  }

  @Override
  public ErrorStatusUpdateControl<CustomModelTest> updateErrorStatus(
      CustomModelTest test, Context<CustomModelTest> context, Exception e) {
    return errors.report(test, context, e);
  }
}
