package io.modelops.operator.customjobrun;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.common.Condition;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRunPhase;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRunStatus;
import io.modelops.operator.status.Conditions;
import java.time.Clock;
import java.util.List;

/**
 * The status of a run that has finished: its outcome (phase, times, exit code, message) never
 * changes again, but a later spec change is still observed — the only one the schema allows is
 * {@code cancel} — so {@code observedGeneration} keeps up with {@code generation}. A cancel that
 * came after the run had ended says so on the Progressing condition; its status and reason stay
 * what they were, since the run did end the way its phase says.
 */
final class FinishedRun {
  private FinishedRun() {}

  /** Whether the run has reached a terminal phase. */
  static boolean is(CustomJobRunStatus status) {
    return status != null && status.getPhase() != null && status.getPhase().finished();
  }

  /** The finished run's status as of its current generation (equal to the old one if nothing). */
  static CustomJobRunStatus observe(CustomJobRun run, Clock clock) {
    CustomJobRunStatus old = run.getStatus();
    CustomJobRunStatus status = Serialization.clone(old);
    Long generation = run.getMetadata().getGeneration();
    status.setObservedGeneration(generation);
    Conditions conditions = Conditions.after(old, generation, clock);
    for (Condition c : old.getConditions() == null ? List.<Condition>of() : old.getConditions()) {
      String message =
          c.getType().equals(Conditions.PROGRESSING) && lateCancel(run)
              ? cancelTooLate(old.getPhase())
              : c.getMessage();
      conditions.set(c.getType(), c.getStatus(), c.getReason(), message);
    }
    status.setConditions(conditions.list());
    return status;
  }

  /** Cancel was asked for a run that had ended some other way. */
  private static boolean lateCancel(CustomJobRun run) {
    return Boolean.TRUE.equals(run.getSpec().getCancel())
        && run.getStatus().getPhase() != CustomJobRunPhase.CANCELED;
  }

  static String cancelTooLate(CustomJobRunPhase phase) {
    return "spec.cancel has no effect: the run had already "
        + switch (phase) {
          case SUCCEEDED -> "succeeded";
          case FAILED -> "failed";
          default -> "been interrupted";
        }
        + " when it was set";
  }
}
