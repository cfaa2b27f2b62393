package io.modelops.operator.naming;

import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import java.util.List;

/**
 * Names of the objects the operator creates for custom jobs and their runs (the scheme is {@link
 * Names}'s): a run's Job carries the run's name (shortened with a hash when that name ends in
 * {@link TestNames#SUFFIX}, which model tests' Jobs end in), its ConfigMap the run's name and
 * {@code -config}, and a job's NetworkPolicy the job's name and {@value #POLICY_SUFFIX} (models'
 * policies end differently).
 */
public final class RunNames {
  /** Suffix of a job's NetworkPolicy; a model's ends in {@link ModelNames#POLICY_SUFFIX}. */
  public static final String POLICY_SUFFIX = "-job";

  private static final String CONFIG_SUFFIX = "-config";

  private RunNames() {}

  public static String job(CustomJobRun run) {
    return Names.dnsLabel(
        run.getMetadata().getName(), Names.WORKLOAD_MAX, List.of(TestNames.SUFFIX));
  }

  public static String config(CustomJobRun run) {
    return Names.withSuffix(run.getMetadata().getName(), CONFIG_SUFFIX, 63);
  }

  /** The NetworkPolicy of a job's run pods. */
  public static String networkPolicy(String job) {
    return Names.withSuffix(job, POLICY_SUFFIX, 63);
  }
}
