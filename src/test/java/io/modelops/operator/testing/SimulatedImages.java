package io.modelops.operator.testing;

/**
 * Images the local control plane's fake kubelet treats specially (dev/go/kwok/stages/main.go), so
 * tests can make pods fail the way real ones do. Any other image runs and becomes ready; a Job's
 * pod then completes with exit code 0.
 */
public final class SimulatedImages {
  /** The container waits in ImagePullBackOff. */
  public static final String IMAGE_PULL_FAILURE = "modelops.invalid/image-pull-failure:1";

  /** The container waits in CrashLoopBackOff after exiting with code 1. */
  public static final String CRASH_LOOP = "modelops.invalid/crash-loop:1";

  /** The container waits in CrashLoopBackOff after being OOMKilled. */
  public static final String OOM = "modelops.invalid/oom:1";

  /** The container runs, then exits with code 3 (the pod fails). */
  public static final String EXIT_3 = "modelops.invalid/exit-3:1";

  /** The container runs and never completes, even as a Job's pod. */
  public static final String RUNS_FOREVER = "modelops.invalid/runs-forever:1";

  private SimulatedImages() {}
}
