package io.modelops.operator.custommodeltest;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import io.modelops.operator.cache.LeanCaches;
import io.modelops.operator.naming.TestLabels;
import io.modelops.operator.naming.TestNames;
import io.modelops.operator.reconcile.ControllerReference;

/**
 * The one batch/v1 Job of a test, built from its {@link TestJobPlan}: one pod, never retried
 * ({@code backoffLimit: 0}: a second attempt would test something else than what the first saw),
 * ended by {@code activeDeadlineSeconds} at the test's timeout. Create-only, like a run's Job;
 * canceling the test deletes it, and deleting the test deletes it through the controller reference.
 */
@KubernetesDependent(
    informer = @Informer(labelSelector = TestLabels.SELECTOR, itemStore = LeanCaches.Created.class))
public class TestJob extends KubernetesDependentResource<Job, CustomModelTest>
    implements Creator<Job, CustomModelTest>, GarbageCollected<CustomModelTest> {
  @Override
  protected ResourceID targetSecondaryResourceID(
      CustomModelTest test, Context<CustomModelTest> context) {
    return new ResourceID(TestNames.job(test), test.getMetadata().getNamespace());
  }

  @Override
  protected Job desired(CustomModelTest test, Context<CustomModelTest> context) {
    return desired(TestJobPlan.of(context).orElseThrow());
  }

  static Job desired(TestJobPlan plan) {
    return new JobBuilder()
        .withNewMetadata()
        .withName(plan.jobName())
        .withNamespace(plan.namespace())
        .withLabels(plan.labels())
        .withAnnotations(plan.annotations())
        .endMetadata()
        .withNewSpec()
        .withBackoffLimit(0)
        .withActiveDeadlineSeconds(plan.activeDeadlineSeconds())
        .withTemplate(plan.pod())
        .endSpec()
        .build();
  }

  @Override
  protected void addReferenceHandlingMetadata(Job desired, CustomModelTest test) {
    ControllerReference.set(desired, test);
  }

  /** A test starts now (the reconciler handed the workflow a plan). */
  public static class Wanted implements Condition<Job, CustomModelTest> {
    @Override
    public boolean isMet(
        DependentResource<Job, CustomModelTest> dependent,
        CustomModelTest test,
        Context<CustomModelTest> context) {
      return TestJobPlan.of(context).isPresent();
    }
  }
}
