package io.modelops.operator.custommodeltest;

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
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTestSpec;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTestStatus;
import io.modelops.operator.api.v1alpha1.custommodeltest.TestingStatus;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.customjobrun.RunPods;
import io.modelops.operator.lookup.NamespaceLookups;
import io.modelops.operator.naming.TestNames;
import io.modelops.operator.reconcile.ErrorStatus;
import io.modelops.operator.reconcile.NameClaims;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import io.modelops.operator.status.StatusPatch;
import io.modelops.operator.status.WarningEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
  /** A safety net only: queued tests are woken when the model's test in progress ends. */
  static final Duration QUEUE_RECHECK = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(CustomModelTestReconciler.class);

  private final OperatorConfig config;
  private final Clock clock;
  private final ErrorStatus<CustomModelTestStatus, CustomModelTest> errors;
  private WarningEvents events;
  private TestEventSources sources;

  /** The refusal each refused test was last warned about (by uid): one Warning per refusal. */
  private final Map<String, String> warned = new ConcurrentHashMap<>();

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
      warned.remove(test.getMetadata().getUid());
      return UpdateControl.noUpdate();
    }
    String namespace = test.getMetadata().getNamespace();
    Optional<Job> existing = context.getSecondaryResource(Job.class);
    boolean started = existing.isPresent() || (old != null && old.getJobName() != null);
    Optional<String> model = recorded(old);
    TestProgress.Observation observation;
    Optional<Duration> recheck = Optional.empty();
    Optional<Problem> refusal = Optional.empty();
    if (Boolean.TRUE.equals(test.getSpec().getCancel())) {
      context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
      observation = TestProgress.canceled();
    } else if (started) {
      observation = observe(test, existing, context);
    } else {
      var validation =
          TestValidator.validate(test, sources.lookups(context.getClient(), namespace), config);
      model = validation.model().or(() -> recorded(old));
      if (validation.valid().isEmpty()) {
        // A version being validated is a moment's wait, not worth a Warning.
        refusal =
            Optional.of(validation.problems().get(0))
                .filter(p -> !p.reason().equals(Reasons.VERSION_PENDING));
        observation =
            TestProgress.Observation.of(
                TestingStatus.NOT_TESTED, Problem.of(validation.reason(), validation.summary()));
        if (NamespaceLookups.dependOnLookups(validation.problems())
            || validation.problems().stream()
                .anyMatch(p -> p.reason().equals(Reasons.CONFIG_MAP_KEY_NOT_FOUND))) {
          recheck = Optional.of(NamespaceLookups.RECHECK);
        }
      } else if (!TestQueue.admits(
          test, model.orElseThrow(), sources.testsOf(namespace), sources::modelOf)) {
        observation =
            TestProgress.Observation.of(
                TestingStatus.QUEUED,
                Problem.of(
                    Reasons.QUEUED,
                    "queued: another test of CustomModel "
                        + model.get()
                        + " is in progress or older; one test runs at a time per model"));
        recheck = Optional.of(QUEUE_RECHECK);
      } else {
        TestJobPlan plan = TestPlanner.plan(test, validation.valid().get(), config);
        Optional<Problem> conflict =
            NameClaims.conflict(test, plan.claims(), owned(context), context.getClient());
        if (conflict.isPresent()) {
          refusal = conflict;
          observation = TestProgress.Observation.of(TestingStatus.NOT_TESTED, conflict.get());
          recheck = Optional.of(NameClaims.RECHECK);
        } else {
          context.managedWorkflowAndDependentResourceContext().put(TestJobPlan.KEY, plan);
          context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
          Optional<Job> job = context.getSecondaryResource(Job.class);
          observation =
              job.isPresent()
                  ? observe(test, job, context)
                  : TestProgress.Observation.of(
                      TestingStatus.QUEUED,
                      Problem.of(
                          Reasons.NETWORK_POLICY_PENDING,
                          "starting: the test's Job is created once NetworkPolicy "
                              + plan.policyName()
                              + " is in place"));
        }
      }
    }
    Optional<Job> job = context.getSecondaryResource(Job.class).or(() -> existing);
    if (observation.stopJob() && job.isPresent()) {
      context
          .getClient()
          .resource(job.get())
          .withPropagationPolicy(DeletionPropagation.BACKGROUND)
          .delete();
    }
    CustomModelTestStatus status = TestStatusBuilder.build(test, observation, model, job, clock);
    boolean transition = old == null || old.getOverallStatus() != status.getOverallStatus();
    String uid = test.getMetadata().getUid();
    if (refusal.isEmpty()) {
      warned.remove(uid);
    } else if (!sameReason(old, status)
        && !refusal.get().reason().equals(warned.put(uid, refusal.get().reason()))) {
      // The guard: a second reconcile may still see the status from before this one's write.
      events.warn(test, "Test", refusal.get());
    }
    LOG.atLevel(transition ? Level.INFO : Level.DEBUG)
        .log(
            "{}/{}: {} ({})",
            namespace,
            test.getMetadata().getName(),
            status.getOverallStatus(),
            observation.reason());
    UpdateControl<CustomModelTest> control =
        Conditions.differ(old, status)
            ? UpdateControl.patchStatus(StatusPatch.of(test, status, CustomModelTest::new))
            : UpdateControl.noUpdate();
    return recheck.map(control::rescheduleAfter).orElse(control);
  }

  private static Optional<String> recorded(CustomModelTestStatus old) {
    return Optional.ofNullable(old).map(CustomModelTestStatus::getCustomModel);
  }

  /** One Warning event per refusal: only when the Ready condition's reason changes. */
  private static boolean sameReason(CustomModelTestStatus old, CustomModelTestStatus now) {
    var before = Conditions.find(old, Conditions.READY).map(c -> c.getReason());
    return before.isPresent()
        && before.equals(Conditions.find(now, Conditions.READY).map(c -> c.getReason()));
  }

  private static TestProgress.Observation observe(
      CustomModelTest test, Optional<Job> job, Context<CustomModelTest> context) {
    List<Pod> pods =
        RunPods.of(TestNames.job(test), job, List.copyOf(context.getSecondaryResources(Pod.class)));
    long timeout =
        Optional.ofNullable(test.getSpec().getTimeoutSeconds())
            .orElse(CustomModelTestSpec.DEFAULT_TIMEOUT_SECONDS);
    return TestProgress.observe(TestNames.job(test), job, pods, timeout);
  }

  /** Every object the informers know as this test's. */
  private static List<HasMetadata> owned(Context<CustomModelTest> context) {
    List<HasMetadata> owned = new ArrayList<>();
    owned.addAll(context.getSecondaryResources(Job.class));
    owned.addAll(context.getSecondaryResources(NetworkPolicy.class));
    return owned;
  }

  @Override
  public ErrorStatusUpdateControl<CustomModelTest> updateErrorStatus(
      CustomModelTest test, Context<CustomModelTest> context, Exception e) {
    return errors.report(test, context, e);
  }
}
