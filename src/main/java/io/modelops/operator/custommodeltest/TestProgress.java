package io.modelops.operator.custommodeltest;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.modelops.operator.api.v1alpha1.custommodeltest.CheckResults;
import io.modelops.operator.api.v1alpha1.custommodeltest.TestingStatus;
import io.modelops.operator.modeltest.TestReport;
import io.modelops.operator.pod.ContainerStatuses;
import io.modelops.operator.pod.TestPodAssembly;
import io.modelops.operator.pod.WaitingReasons;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a test stands, read from its Job and the Job's pod: in progress until the tester's
 * container terminates; then the report in its termination message decides. Without a report the
 * test is aborted, with what is known: the deadline passed, the pod failed, the tester exited
 * without writing one, or the model server cannot start for a reason no retry cures (an image that
 * cannot be pulled, a container that cannot be created), which stops the Job at once.
 */
final class TestProgress {
  private TestProgress() {}

  /**
   * What the test's objects say.
   *
   * @param overall the test's overall status
   * @param reason CamelCase reason of the Ready condition
   * @param message one line for status.message
   * @param checks each check's result, from the report
   * @param podName the test's pod
   * @param completedAt when the tester finished (from the report or the container)
   * @param stopJob the operator must delete the Job now (a deterministic failure)
   */
  record Observation(
      TestingStatus overall,
      String reason,
      String message,
      Optional<CheckResults> checks,
      Optional<String> podName,
      Optional<String> completedAt,
      boolean stopJob) {
    static Observation of(TestingStatus overall, Problem problem) {
      return new Observation(
          overall,
          problem.reason(),
          problem.message(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          false);
    }
  }

  /** A test that was canceled. */
  static Observation canceled() {
    return Observation.of(
        TestingStatus.CANCELED,
        Problem.of(Reasons.CANCELED, "canceled (spec.cancel); its Job was deleted"));
  }

  /** What the Job and its pods say; {@code job} empty means it vanished after it started. */
  static Observation observe(String jobName, Optional<Job> job, List<Pod> pods, long timeout) {
    Optional<Pod> pod =
        pods.stream().max(Comparator.comparing((Pod p) -> p.getMetadata().getCreationTimestamp()));
    Optional<String> podName = pod.map(p -> p.getMetadata().getName());
    Optional<ContainerStatus> tester =
        pod.flatMap(
            p ->
                ContainerStatuses.of(p).stream()
                    .filter(c -> TestPodAssembly.TESTER_CONTAINER.equals(c.getName()))
                    .findFirst());
    var terminated =
        tester.map(ContainerStatus::getState).map(s -> s.getTerminated()).filter(t -> t != null);
    if (terminated.isPresent()) {
      Optional<TestReport> report = TestResults.parse(terminated.get().getMessage());
      if (report.isPresent()) {
        TestingStatus overall = TestResults.overall(report.get());
        return new Observation(
            overall,
            reason(overall),
            TestResults.summary(report.get()),
            Optional.of(TestResults.checks(report.get())),
            podName,
            Optional.ofNullable(report.get().finishedAt())
                .or(() -> Optional.ofNullable(terminated.get().getFinishedAt())),
            false);
      }
      return aborted(
          "the tester exited with code "
              + terminated.get().getExitCode()
              + " without a report; its log says why",
          podName,
          Optional.ofNullable(terminated.get().getFinishedAt()),
          false);
    }
    if (job.isEmpty()) {
      return aborted(
          "Job " + jobName + " was deleted before the test ended",
          podName,
          Optional.empty(),
          false);
    }
    Optional<JobCondition> failed =
        Optional.ofNullable(job.get().getStatus())
            .map(s -> s.getConditions())
            .orElse(List.of())
            .stream()
            .filter(c -> "Failed".equals(c.getType()) && "True".equals(c.getStatus()))
            .findFirst();
    if (failed.isPresent()) {
      String why =
          "DeadlineExceeded".equals(failed.get().getReason())
              ? "the test did not end within timeoutSeconds " + timeout
              : "the test's pod failed (" + failed.get().getReason() + ") without a report";
      return aborted(why, podName, Optional.empty(), false);
    }
    Optional<String> stuck =
        pod.stream()
            .flatMap(p -> ContainerStatuses.of(p).stream())
            .filter(c -> c.getState() != null && c.getState().getWaiting() != null)
            .filter(
                c -> WaitingReasons.DETERMINISTIC.contains(c.getState().getWaiting().getReason()))
            .map(
                c ->
                    "container "
                        + c.getName()
                        + " cannot start: "
                        + c.getState().getWaiting().getReason())
            .findFirst();
    if (stuck.isPresent()) {
      return aborted(stuck.get(), podName, Optional.empty(), true);
    }
    return new Observation(
        TestingStatus.IN_PROGRESS,
        Reasons.IN_PROGRESS,
        podName.map(p -> "in progress in pod " + p).orElse("in progress: Job " + jobName),
        Optional.empty(),
        podName,
        Optional.empty(),
        false);
  }

  private static Observation aborted(
      String message, Optional<String> podName, Optional<String> at, boolean stopJob) {
    return new Observation(
        TestingStatus.ABORTED,
        Reasons.ABORTED,
        "aborted: " + message,
        Optional.empty(),
        podName,
        at,
        stopJob);
  }

  static String reason(TestingStatus overall) {
    return switch (overall) {
      case SUCCEEDED -> Reasons.SUCCEEDED;
      case WARNING -> Reasons.WARNING;
      case FAILED -> Reasons.FAILED;
      case CANCELED -> Reasons.CANCELED;
      default -> Reasons.ABORTED;
    };
  }
}
