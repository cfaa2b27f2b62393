package io.modelops.operator.customjobrun;

import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.workload.Names;

/** Names of a run's Job and ConfigMap, derived from the run's name alone. */
final class RunNames {
  private RunNames() {}

  static String job(CustomJobRun run) {
    return Names.dnsLabel(run.getMetadata().getName(), Names.WORKLOAD_MAX);
  }

  static String config(CustomJobRun run) {
    return job(run) + "-config";
  }
}
