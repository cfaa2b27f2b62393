package io.modelops.operator.customjobrun;

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
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.cache.LeanCaches;
import io.modelops.operator.naming.RunLabels;
import io.modelops.operator.naming.RunNames;
import io.modelops.operator.pod.PodAssembly;
import io.modelops.operator.reconcile.ControllerReference;
import java.util.Map;

/**
 * The one batch/v1 Job of a run, built from the run's {@link RunPlan}. A Job's pod template is
 * immutable, so the Job is create-only: JOSDK creates it when it is missing and never compares or
 * updates it (no {@code Updater}). Canceling a run deletes it (the workflow deletes a dependent
 * whose precondition no longer holds), and its pods go with it; deleting the run deletes it through
 * the controller reference.
 */
@KubernetesDependent(
    informer = @Informer(labelSelector = RunLabels.SELECTOR, itemStore = LeanCaches.Created.class))
public class RunJob extends KubernetesDependentResource<Job, CustomJobRun>
    implements Creator<Job, CustomJobRun>, GarbageCollected<CustomJobRun> {
  /** The object's name does not depend on the plan, so it can be found for deletion. */
  @Override
  protected ResourceID targetSecondaryResourceID(
      CustomJobRun primary, Context<CustomJobRun> context) {
    return new ResourceID(RunNames.job(primary), primary.getMetadata().getNamespace());
  }

  @Override
  protected Job desired(CustomJobRun run, Context<CustomJobRun> context) {
    return desired(RunPlan.of(context).orElseThrow());
  }

  static Job desired(RunPlan plan) {
    return new JobBuilder()
        .withNewMetadata()
        .withName(plan.jobName())
        .withNamespace(plan.namespace())
        .withLabels(RunLabels.run(plan.customJob(), plan.run()))
        .withAnnotations(Map.of(RunLabels.RUN_NAME_ANNOTATION, plan.run()))
        .endMetadata()
        .withNewSpec()
        .withBackoffLimit(plan.backoffLimit())
        .withActiveDeadlineSeconds(plan.activeDeadlineSeconds())
        .withTemplate(PodAssembly.podTemplate(plan.pod()))
        .endSpec()
        .build();
  }

  @Override
  protected void addReferenceHandlingMetadata(Job desired, CustomJobRun primary) {
    ControllerReference.set(desired, primary);
  }

  /** A run starts now (the reconciler handed the workflow a plan). */
  public static class Wanted implements Condition<Job, CustomJobRun> {
    @Override
    public boolean isMet(
        DependentResource<Job, CustomJobRun> dependent,
        CustomJobRun run,
        Context<CustomJobRun> context) {
      return RunPlan.of(context).isPresent();
    }
  }
}
