package io.modelops.operator.customjobrun;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.naming.RunNames;
import io.modelops.operator.reconcile.NameClaims;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.util.Optional;

/**
 * Whether a run's pods may exist: only once its CustomJob's NetworkPolicy exists and that job
 * controls it (a policy of that name that someone else controls restricts nothing the job chose).
 * Until then the run waits; the policy's creation wakes it.
 */
final class RunEgress {
  private RunEgress() {}

  static boolean enforced(CustomJob job, Optional<NetworkPolicy> policy) {
    return policy
        .filter(p -> p.getMetadata().getName().equals(RunNames.networkPolicy(name(job))))
        .filter(p -> NameClaims.controlledBy(p, job))
        .isPresent();
  }

  static Problem pending(CustomJob job) {
    return Problem.of(
        Reasons.NETWORK_POLICY_PENDING,
        "The run starts once NetworkPolicy "
            + RunNames.networkPolicy(name(job))
            + " of CustomJob "
            + name(job)
            + " exists and that CustomJob controls it.");
  }

  private static String name(CustomJob job) {
    return job.getMetadata().getName();
  }
}
