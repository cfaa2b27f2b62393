package io.modelops.operator.naming;

import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;

/** Names of a run's Job and ConfigMap, derived from the run's name alone. */
public final class RunNames {
  private RunNames() {}

  public static String job(CustomJobRun run) {
    return Names.dnsLabel(run.getMetadata().getName(), Names.WORKLOAD_MAX);
  }

  public static String config(CustomJobRun run) {
    return job(run) + "-config";
  }
}
