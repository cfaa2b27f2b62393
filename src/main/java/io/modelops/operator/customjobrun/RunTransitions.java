package io.modelops.operator.customjobrun;

import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRunPhase;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRunStatus;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.WarningEvents;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * What a run's new status is worth saying outside the status: a Warning event when it fails or a
 * name of it is taken, an INFO log line when its phase changes (DEBUG when it did not).
 */
final class RunTransitions {
  private static final Logger LOG = LoggerFactory.getLogger(RunTransitions.class);

  private RunTransitions() {}

  static void report(
      CustomJobRun run,
      CustomJobRunStatus old,
      CustomJobRunStatus status,
      RunProgress.Observation observation,
      Optional<Problem> conflict,
      WarningEvents events) {
    boolean transition = old == null || old.getPhase() != status.getPhase();
    if (transition && status.getPhase() == CustomJobRunPhase.FAILED) {
      events.warn(run, "Run", Problem.of(observation.reason(), observation.message()));
    }
    if (conflict.isPresent() && Conditions.transitioned(old, status, Conditions.PROGRESSING)) {
      events.warn(run, "Run", conflict.get());
    }
    LOG.atLevel(transition ? Level.INFO : Level.DEBUG)
        .log(
            "{}/{}: {} ({})",
            run.getMetadata().getNamespace(),
            run.getMetadata().getName(),
            status.getPhase(),
            observation.reason());
  }
}
