package io.modelops.operator.customjobrun;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.workload.OwnedResource;

/**
 * The one batch/v1 Job of a run. It exists while the run may run; canceling or stopping a run
 * deletes it, and its pods go with it. A Job's pod template is immutable, so once created the
 * Job is left as it is.
 */
@KubernetesDependent(informer = @Informer(labelSelector = RunLabels.SELECTOR))
public class RunJob extends OwnedResource<Job, CustomJobRun> {
  /** The object's name does not depend on the plan, so it can be found for deletion. */
  @Override
  protected ResourceID targetSecondaryResourceID(CustomJobRun primary, Context<CustomJobRun> context) {
    return new ResourceID(RunNames.job(primary), primary.getMetadata().getNamespace());
  }

  @Override
  protected Job desired(CustomJobRun run, Context<CustomJobRun> context) {
    return RunPlan.of(context).job().orElseThrow();
  }

  @Override
  public Matcher.Result<Job> match(Job actual, CustomJobRun run, Context<CustomJobRun> context) {
    return Matcher.Result.computed(true, actual);
  }

  /** The run wants a Job now. */
  public static class Wanted implements Condition<Job, CustomJobRun> {
    @Override
    public boolean isMet(DependentResource<Job, CustomJobRun> dependent, CustomJobRun run,
        Context<CustomJobRun> context) {
      return RunPlan.of(context).job().isPresent();
    }
  }
}
