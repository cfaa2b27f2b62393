package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.modelops.operator.status.Problem;
import java.util.Optional;

/**
 * How much of a served version serves: a Deployment with at least one available replica serves (its
 * Service routes to its Ready pods), even when fewer than asked are available. Such a model is
 * Ready and, when its pods say why the rest are missing, Degraded with that cause — never {@code
 * errored}, which is for a model that serves nothing.
 */
final class ServedReplicas {
  private ServedReplicas() {}

  /** Available replicas of {@code d} (0 before its first status). */
  static int available(Deployment d) {
    return d.getStatus() == null || d.getStatus().getAvailableReplicas() == null
        ? 0
        : d.getStatus().getAvailableReplicas();
  }

  /** At least one replica of {@code d} is available: the model serves. */
  static boolean serves(Deployment d) {
    return available(d) > 0;
  }

  /**
   * The Degraded cause of a version that serves fewer replicas than {@code wanted}: "2 of 3
   * replicas available: " and what its pods report, if they report anything.
   */
  static Optional<Problem> shortfall(Deployment d, int wanted, Optional<Problem> podProblem) {
    return podProblem.map(
        p ->
            new Problem(
                p.reason(),
                available(d) + " of " + wanted + " replicas available: " + p.message()));
  }
}
