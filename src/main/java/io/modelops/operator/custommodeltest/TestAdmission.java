package io.modelops.operator.custommodeltest;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTestSpec;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTestStatus;
import io.modelops.operator.api.v1alpha1.custommodeltest.TestingStatus;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.customjobrun.RunPods;
import io.modelops.operator.lookup.NamespaceLookups;
import io.modelops.operator.naming.TestNames;
import io.modelops.operator.reconcile.NameClaims;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where a model test stands at this reconcile: canceled, running (observed from its Job and pod),
 * or on its way to a Job — valid, first in its model's queue, its names free, its NetworkPolicy in
 * place before the Job (fail closed). Each step that holds the test back says why, and when to look
 * again if no event will.
 */
final class TestAdmission {
  /** A safety net only: queued tests are woken when the model's test in progress ends. */
  static final Duration QUEUE_RECHECK = Duration.ofMinutes(10);

  /**
   * The test's standing.
   *
   * @param observation what the status reports
   * @param model the test's model, once known
   * @param refusal a problem worth one Warning event, if any
   * @param recheck when to look again, if no event is expected
   */
  record Step(
      TestProgress.Observation observation,
      Optional<String> model,
      Optional<Problem> refusal,
      Optional<Duration> recheck) {
    static Step of(TestProgress.Observation observation, Optional<String> model) {
      return new Step(observation, model, Optional.empty(), Optional.empty());
    }
  }

  private TestAdmission() {}

  static Step decide(
      CustomModelTest test,
      Context<CustomModelTest> context,
      TestEventSources sources,
      OperatorConfig config) {
    CustomModelTestStatus old = test.getStatus();
    Optional<Job> existing = context.getSecondaryResource(Job.class);
    Optional<String> recorded =
        Optional.ofNullable(old)
            .map(CustomModelTestStatus::getCustomModel)
            .or(() -> sources.modelOf(test));
    if (Boolean.TRUE.equals(test.getSpec().getCancel())) {
      context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
      return Step.of(TestProgress.canceled(), recorded);
    }
    if (existing.isPresent() || (old != null && old.getJobName() != null)) {
      return Step.of(observe(test, existing, context), recorded);
    }
    String namespace = test.getMetadata().getNamespace();
    var validation =
        TestValidator.validate(test, sources.lookups(context.getClient(), namespace), config);
    Optional<String> model = validation.model().or(() -> recorded);
    if (validation.valid().isEmpty()) {
      // A version being validated is a moment's wait, not worth a Warning.
      Optional<Problem> refusal =
          Optional.of(validation.problems().get(0))
              .filter(p -> !p.reason().equals(Reasons.VERSION_PENDING));
      boolean lookAgain =
          NamespaceLookups.dependOnLookups(validation.problems())
              || validation.problems().stream()
                  .anyMatch(p -> p.reason().equals(Reasons.CONFIG_MAP_KEY_NOT_FOUND));
      return new Step(
          TestProgress.Observation.of(
              TestingStatus.NOT_TESTED, Problem.of(validation.reason(), validation.summary())),
          model,
          refusal,
          lookAgain ? Optional.of(NamespaceLookups.RECHECK) : Optional.empty());
    }
    if (!TestQueue.admits(
        test, model.orElseThrow(), sources.testsOf(namespace), sources::modelOf)) {
      return new Step(
          TestProgress.Observation.of(
              TestingStatus.QUEUED,
              Problem.of(
                  Reasons.QUEUED,
                  "queued: another test of CustomModel "
                      + model.get()
                      + " is in progress or older; one test runs at a time per model")),
          model,
          Optional.empty(),
          Optional.of(QUEUE_RECHECK));
    }
    TestJobPlan plan = TestPlanner.plan(test, validation.valid().get(), config);
    Optional<Problem> conflict =
        NameClaims.conflict(
            test,
            plan.claims(),
            NameClaims.known(context, Job.class, NetworkPolicy.class),
            context.getClient());
    if (conflict.isPresent()) {
      return new Step(
          TestProgress.Observation.of(TestingStatus.NOT_TESTED, conflict.get()),
          model,
          conflict,
          Optional.of(NameClaims.RECHECK));
    }
    context.managedWorkflowAndDependentResourceContext().put(TestJobPlan.KEY, plan);
    context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
    Optional<Job> job = context.getSecondaryResource(Job.class);
    return Step.of(
        job.isPresent()
            ? observe(test, job, context)
            : TestProgress.Observation.of(
                TestingStatus.QUEUED,
                Problem.of(
                    Reasons.NETWORK_POLICY_PENDING,
                    "starting: the test's Job is created once NetworkPolicy "
                        + plan.policyName()
                        + " is in place")),
        model);
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
}
