package io.modelops.operator.customjobrun;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.naming.RunNames;
import io.modelops.operator.reconcile.ControllerReference;
import java.util.List;
import java.util.Optional;

/**
 * The pods of a run's own Job, among the pods its informer delivered. Every decision about a run
 * (its phase, a deterministic failure that deletes its Job) reads only these: a pod someone created
 * with the run's labels and {@code modelops.io/run-name} annotation is not the run's.
 */
public final class RunPods {
  private RunPods() {}

  /**
   * With the Job present, the pods it controls (same uid); once it is gone (a cancel), the pods
   * still naming it as their controller, which the garbage collector is removing.
   */
  static List<Pod> of(CustomJobRun run, Optional<Job> job, List<Pod> pods) {
    return of(RunNames.job(run), job, pods);
  }

  /** The same for any Job named {@code name} (a model test's Job too). */
  public static List<Pod> of(String name, Optional<Job> job, List<Pod> pods) {
    if (job.isPresent()) {
      return pods.stream().filter(p -> ControllerReference.controlledBy(p, job.get())).toList();
    }
    return pods.stream()
        .filter(
            p ->
                ControllerReference.of(p)
                    .filter(r -> "Job".equals(r.getKind()) && name.equals(r.getName()))
                    .isPresent())
        .toList();
  }
}
