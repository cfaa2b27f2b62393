package io.modelops.operator.customjobrun;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.workload.OwnedResource;

/** A run's ConfigMap: the job's workerConfig and custom metric definitions, as files. */
@KubernetesDependent(informer = @Informer(labelSelector = RunLabels.SELECTOR))
public class RunConfig extends OwnedResource<ConfigMap, CustomJobRun> {
  /** The object's name does not depend on the plan, so it can be found for deletion. */
  @Override
  protected ResourceID targetSecondaryResourceID(CustomJobRun primary, Context<CustomJobRun> context) {
    return new ResourceID(RunNames.config(primary), primary.getMetadata().getNamespace());
  }

  @Override
  protected ConfigMap desired(CustomJobRun run, Context<CustomJobRun> context) {
    return RunPlan.of(context).config().orElseThrow();
  }

  /** The run's job has a workerConfig or custom metrics. */
  public static class Needed implements Condition<ConfigMap, CustomJobRun> {
    @Override
    public boolean isMet(DependentResource<ConfigMap, CustomJobRun> dependent, CustomJobRun run,
        Context<CustomJobRun> context) {
      return RunPlan.of(context).config().isPresent();
    }
  }
}
