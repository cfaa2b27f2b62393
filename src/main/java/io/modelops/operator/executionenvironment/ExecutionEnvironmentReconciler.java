package io.modelops.operator.executionenvironment;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironmentStatus;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import io.modelops.operator.status.StatusPatch;
import java.time.Clock;
import java.util.stream.Collectors;

/**
 * Reports ExecutionEnvironments (cluster-scoped catalogue entries): for each version, whether its
 * image reference parses and whether it is pinned by digest ({@link
 * ExecutionEnvironmentValidator}); the effective latest version; and Ready, False naming the field
 * of every image that does not parse. The operator builds no images and does not contact
 * registries.
 */
@ControllerConfiguration(name = "executionenvironment")
public class ExecutionEnvironmentReconciler implements Reconciler<ExecutionEnvironment> {
  private final Clock clock;

  public ExecutionEnvironmentReconciler(Clock clock) {
    this.clock = clock;
  }

  @Override
  public UpdateControl<ExecutionEnvironment> reconcile(
      ExecutionEnvironment env, Context<ExecutionEnvironment> context) {
    ExecutionEnvironmentValidator.Checked checked =
        ExecutionEnvironmentValidator.validate(env.getSpec());
    ExecutionEnvironmentStatus status = new ExecutionEnvironmentStatus();
    status.setObservedGeneration(env.getMetadata().getGeneration());
    status.setVersions(checked.versions());
    status.setLatestVersion(checked.latestVersion().orElse(null));
    Conditions conditions =
        Conditions.after(env.getStatus(), env.getMetadata().getGeneration(), clock);
    if (!checked.problems().isEmpty()) {
      conditions.set(
          Conditions.READY,
          false,
          checked.problems().get(0).reason(),
          checked.problems().stream().map(Problem::message).collect(Collectors.joining("; ")));
    } else {
      conditions.set(
          Conditions.READY,
          true,
          Reasons.AVAILABLE,
          checked.versions().size()
              + " version(s), image references valid, "
              + checked.pinnedCount()
              + " pinned by digest; latest "
              + checked.latestVersion().orElseThrow());
    }
    status.setConditions(conditions.list());
    return StatusPatch.ifChanged(env, status, ExecutionEnvironment::new);
  }
}
