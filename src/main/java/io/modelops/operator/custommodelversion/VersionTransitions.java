package io.modelops.operator.custommodelversion;

import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersionStatus;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.WarningEvents;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a version's new status is worth saying outside the status: a Warning event per problem when
 * it becomes refused, an INFO log line when its validation or phase changes (DEBUG otherwise).
 */
final class VersionTransitions {
  private static final Logger LOG = LoggerFactory.getLogger(VersionTransitions.class);

  private VersionTransitions() {}

  static void report(
      CustomModelVersion version,
      CustomModelVersionStatus old,
      CustomModelVersionStatus status,
      List<Problem> problems,
      WarningEvents events) {
    boolean validationChanged = Conditions.transitioned(old, status, Conditions.VALIDATED);
    if (!problems.isEmpty() && validationChanged) {
      problems.forEach(p -> events.warn(version, "Validate", p));
    }
    String namespace = version.getMetadata().getNamespace();
    String name = version.getMetadata().getName();
    if (validationChanged || old == null || old.getPhase() != status.getPhase()) {
      LOG.info(
          "{}/{}: version {} {}",
          namespace,
          name,
          status.getVersion(),
          problems.isEmpty() ? "valid" : "refused: " + problems);
    } else {
      LOG.debug(
          "{}/{}: version {} unchanged ({})",
          namespace,
          name,
          status.getVersion(),
          status.getPhase());
    }
  }
}
