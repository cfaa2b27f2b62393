package io.modelops.operator.executionenvironment;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.modelops.operator.api.v1alpha1.common.BuildStatus;
import io.modelops.operator.api.v1alpha1.common.EnvironmentVersion;
import io.modelops.operator.api.v1alpha1.common.EnvironmentVersionStatus;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironmentStatus;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.StatusPatch;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports ExecutionEnvironments (cluster-scoped catalogue entries): each version's image and
 * build status — {@code success}, since versions name ready-made images (the operator builds
 * no images) — the effective latest version, and Ready.
 */
@ControllerConfiguration(name = "executionenvironment")
public class ExecutionEnvironmentReconciler implements Reconciler<ExecutionEnvironment> {
  private final Clock clock;

  public ExecutionEnvironmentReconciler(Clock clock) {
    this.clock = clock;
  }

  @Override
  public UpdateControl<ExecutionEnvironment> reconcile(ExecutionEnvironment env,
      Context<ExecutionEnvironment> context) {
    List<EnvironmentVersion> versions = env.getSpec().getVersions() == null ? List.of()
        : env.getSpec().getVersions();
    ExecutionEnvironmentStatus status = new ExecutionEnvironmentStatus();
    status.setObservedGeneration(env.getMetadata().getGeneration());
    List<EnvironmentVersionStatus> reported = new ArrayList<>();
    for (EnvironmentVersion v : versions) {
      EnvironmentVersionStatus s = new EnvironmentVersionStatus();
      s.setLabel(v.getLabel());
      s.setImage(v.getImage());
      s.setBuildStatus(v.getImage() == null ? BuildStatus.FAILED : BuildStatus.SUCCESS);
      reported.add(s);
    }
    status.setVersions(reported);
    String latest = env.getSpec().getLatestVersion() != null ? env.getSpec().getLatestVersion()
        : versions.isEmpty() ? null : versions.get(versions.size() - 1).getLabel();
    status.setLatestVersion(latest);
    Conditions conditions = Conditions.after(env.getStatus(), env.getMetadata().getGeneration(),
        clock);
    if (latest == null) {
      conditions.set(Conditions.READY, false, "NoVersions",
          "spec.versions is empty: list at least one {label, image}");
    } else {
      conditions.set(Conditions.READY, true, "Available", versions.size()
          + " version(s); latest " + latest);
    }
    status.setConditions(conditions.list());
    return Conditions.differ(env.getStatus(), status)
        ? UpdateControl.patchStatus(StatusPatch.of(env, status, ExecutionEnvironment::new))
        : UpdateControl.noUpdate();
  }
}
