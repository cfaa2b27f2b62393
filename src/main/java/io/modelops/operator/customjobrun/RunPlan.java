package io.modelops.operator.customjobrun;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import java.util.Optional;

/**
 * The objects a run should have now, computed by the reconciler and read by the dependents.
 *
 * @param job the Job to run, absent while queued and once canceled or stopped
 * @param config the run's ConfigMap (worker config, custom metric definitions), if it needs one
 */
public record RunPlan(Optional<Job> job, Optional<ConfigMap> config) {
  static final String KEY = RunPlan.class.getName();

  static RunPlan of(Context<CustomJobRun> context) {
    return context.managedWorkflowAndDependentResourceContext().getMandatory(KEY, RunPlan.class);
  }
}
