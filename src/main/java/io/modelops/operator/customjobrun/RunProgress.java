package io.modelops.operator.customjobrun;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRunPhase;
import io.modelops.operator.pod.ContainerStatuses;
import io.modelops.operator.pod.WaitingReasons;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a CustomJobRun stands, read from its Job and the Job's pods: the run phases (queued,
 * running, succeeded, failed, interrupted, canceling, canceled) with a reason a user can act on,
 * the exit code and the pod that ran.
 *
 * <p>Deterministic failures end a run at once instead of retrying until the backoff limit: an image
 * that cannot be pulled, a container that cannot be created because a referenced Secret or
 * ConfigMap is missing, and an init container that failed the same way twice.
 */
public final class RunProgress {
  private RunProgress() {}

  /**
   * What the run's Job and pods say.
   *
   * @param phase the run's phase
   * @param reason CamelCase reason for the Ready/Failed condition
   * @param message one line for status.message
   * @param exitCode main container's exit code once it terminated
   * @param podName the newest pod of the Job
   * @param failFast true when the operator must stop the Job now (deterministic failure)
   */
  public record Observation(
      CustomJobRunPhase phase,
      String reason,
      String message,
      Optional<Integer> exitCode,
      Optional<String> podName,
      boolean failFast) {}

  /**
   * A run that cannot start yet waits, queued, with the reason: an object it needs does not exist
   * yet (its CustomJob, environment, bundle, sidecar model), its job's NetworkPolicy is not in
   * place, or another object holds a name it needs.
   */
  public static Observation waiting(Problem problem) {
    return new Observation(
        CustomJobRunPhase.QUEUED,
        problem.reason(),
        problem.message(),
        Optional.empty(),
        Optional.empty(),
        false);
  }

  /** A run refused by its validator fails without a Job. */
  public static Observation refused(Problem problem) {
    return new Observation(
        CustomJobRunPhase.FAILED,
        problem.reason(),
        problem.message(),
        Optional.empty(),
        Optional.empty(),
        false);
  }

  /** A valid run without a free slot waits in the queue. */
  public static Observation queued(int maxRuns) {
    return new Observation(
        CustomJobRunPhase.QUEUED,
        Reasons.QUEUED,
        "waiting for a free run slot: at most maxCustomJobRuns="
            + maxRuns
            + " runs of a namespace run at once",
        Optional.empty(),
        Optional.empty(),
        false);
  }

  /** Reads the run's state from its Job (absent once deleted) and that Job's pods. */
  public static Observation observe(boolean cancelRequested, Optional<Job> job, List<Pod> pods) {
    Optional<Pod> newest =
        pods.stream()
            .max(
                Comparator.comparing(
                    p -> Optional.ofNullable(p.getMetadata().getCreationTimestamp()).orElse("")));
    Optional<String> podName = newest.map(p -> p.getMetadata().getName());
    Optional<Integer> exitCode = newest.flatMap(RunProgress::mainExitCode);

    if (cancelRequested) {
      boolean gone = job.isEmpty() && pods.isEmpty();
      return gone
          ? new Observation(
              CustomJobRunPhase.CANCELED,
              Reasons.CANCELED,
              "the run was canceled",
              exitCode,
              podName,
              false)
          : new Observation(
              CustomJobRunPhase.CANCELING,
              Reasons.CANCELING,
              "stopping the run's Job and its pods",
              exitCode,
              podName,
              false);
    }
    if (job.isEmpty()) {
      return new Observation(
          CustomJobRunPhase.QUEUED,
          Reasons.QUEUED,
          "waiting for a free run slot",
          exitCode,
          podName,
          false);
    }
    Optional<JobCondition> complete = condition(job.get(), "Complete");
    if (complete.isPresent()) {
      return new Observation(
          CustomJobRunPhase.SUCCEEDED,
          Reasons.SUCCEEDED,
          "the run completed",
          exitCode,
          podName,
          false);
    }
    Optional<JobCondition> failed = condition(job.get(), "Failed");
    if (failed.isPresent()) {
      String reason = Optional.ofNullable(failed.get().getReason()).orElse(Reasons.FAILED);
      String message = Optional.ofNullable(failed.get().getMessage()).orElse("the run failed");
      CustomJobRunPhase phase =
          "PodFailurePolicy".equals(reason) || "Evicted".equals(reason)
              ? CustomJobRunPhase.INTERRUPTED
              : CustomJobRunPhase.FAILED;
      return new Observation(phase, reason, message, exitCode, podName, false);
    }
    for (Pod pod : pods) {
      Optional<Observation> deterministic = deterministicFailure(pod, exitCode, podName);
      if (deterministic.isPresent()) {
        return deterministic.get();
      }
    }
    boolean evicted =
        newest
            .map(p -> "Failed".equals(phaseOf(p)) && "Evicted".equals(p.getStatus().getReason()))
            .orElse(false);
    if (evicted) {
      return new Observation(
          CustomJobRunPhase.INTERRUPTED,
          Reasons.EVICTED,
          "the run's pod was evicted from its node",
          exitCode,
          podName,
          true);
    }
    return new Observation(
        CustomJobRunPhase.RUNNING,
        Reasons.RUNNING,
        "the run's Job is running",
        exitCode,
        podName,
        false);
  }

  private static Optional<Observation> deterministicFailure(
      Pod pod, Optional<Integer> exitCode, Optional<String> podName) {
    if (pod.getStatus() == null) {
      return Optional.empty();
    }
    List<ContainerStatus> all = ContainerStatuses.of(pod);
    for (ContainerStatus status : all) {
      ContainerStateWaiting waiting =
          status.getState() == null ? null : status.getState().getWaiting();
      if (waiting != null && WaitingReasons.DETERMINISTIC.contains(waiting.getReason())) {
        String detail = Optional.ofNullable(waiting.getMessage()).orElse(waiting.getReason());
        return Optional.of(
            new Observation(
                CustomJobRunPhase.FAILED,
                waiting.getReason(),
                "container " + status.getName() + ": " + detail,
                exitCode,
                podName,
                true));
      }
    }
    for (ContainerStatus init :
        Optional.ofNullable(pod.getStatus().getInitContainerStatuses()).orElse(List.of())) {
      Optional<ContainerStateTerminated> now = terminated(init, false);
      Optional<ContainerStateTerminated> before = terminated(init, true);
      if (now.isPresent()
          && before.isPresent()
          && now.get().getExitCode() != 0
          && now.get().getExitCode().equals(before.get().getExitCode())) {
        return Optional.of(
            new Observation(
                CustomJobRunPhase.FAILED,
                Reasons.INIT_CONTAINER_FAILED,
                "init container "
                    + init.getName()
                    + " failed twice with exit code "
                    + now.get().getExitCode(),
                Optional.of(now.get().getExitCode()),
                podName,
                true));
      }
    }
    return Optional.empty();
  }

  private static Optional<ContainerStateTerminated> terminated(
      ContainerStatus status, boolean lastState) {
    var state = lastState ? status.getLastState() : status.getState();
    return Optional.ofNullable(state).map(s -> s.getTerminated());
  }

  private static Optional<Integer> mainExitCode(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getContainerStatuses().stream()
        .map(s -> terminated(s, false).or(() -> terminated(s, true)))
        .flatMap(Optional::stream)
        .map(ContainerStateTerminated::getExitCode)
        .findFirst();
  }

  private static String phaseOf(Pod pod) {
    return pod.getStatus() == null ? null : pod.getStatus().getPhase();
  }

  private static Optional<JobCondition> condition(Job job, String type) {
    if (job.getStatus() == null || job.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return job.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus()))
        .findFirst();
  }
}
