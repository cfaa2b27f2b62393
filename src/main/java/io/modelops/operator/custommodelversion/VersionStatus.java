package io.modelops.operator.custommodelversion;

import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersionPhase;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersionStatus;
import io.modelops.operator.runtimeparams.RuntimeParameterReport;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.time.Clock;
import java.util.stream.Collectors;

/**
 * A CustomModelVersion's status from its validation: its number, the resolved image and runtime
 * parameters, {@code frozen} once served, and {@code Validated}/{@code Ready} with every problem.
 */
public final class VersionStatus {
  private VersionStatus() {}

  /**
   * @param number the version's number (kept once assigned)
   * @param served the model serves this version now
   */
  public static CustomModelVersionStatus compute(
      CustomModelVersion version,
      CustomModelVersionValidator.Outcome outcome,
      VersionNumbering.Number number,
      boolean served,
      Clock clock) {
    CustomModelVersionStatus old = version.getStatus();
    CustomModelVersionStatus status = new CustomModelVersionStatus();
    status.setObservedGeneration(version.getMetadata().getGeneration());
    status.setVersionMajor(number.major());
    status.setVersionMinor(number.minor());
    status.setVersion(number.toString());
    status.setFrozen(served || (old != null && Boolean.TRUE.equals(old.getFrozen())));
    outcome
        .resolved()
        .ifPresent(
            r -> {
              status.setImage(r.environment().image());
              r.environment().versionLabel().ifPresent(status::setEnvironmentVersion);
            });
    status.setRuntimeParameters(
        RuntimeParameterReport.of(
            version.getSpec().getRuntimeParameterDefinitions(), outcome.parameters()));

    Conditions conditions = Conditions.after(old, version.getMetadata().getGeneration(), clock);
    if (outcome.problems().isEmpty()) {
      status.setPhase(served ? CustomModelVersionPhase.SERVING : CustomModelVersionPhase.VALIDATED);
      conditions.set(
          Conditions.VALIDATED,
          true,
          Reasons.VALIDATED,
          "references, runtime parameters and required metadata are valid");
      conditions.set(
          Conditions.READY,
          true,
          served ? Reasons.SERVING : Reasons.VALIDATED,
          served ? "the version is being served" : "the version can be served");
    } else {
      Problem first = outcome.problems().get(0);
      String message =
          outcome.problems().stream().map(Problem::message).collect(Collectors.joining("; "));
      status.setPhase(CustomModelVersionPhase.INVALID);
      conditions.set(Conditions.VALIDATED, false, first.reason(), message);
      conditions.set(Conditions.READY, false, first.reason(), message);
    }
    status.setConditions(conditions.list());
    return status;
  }
}
