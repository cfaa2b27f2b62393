package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.modelops.operator.pod.ContainerStatuses;
import io.modelops.operator.pod.WaitingReasons;
import io.modelops.operator.status.Problem;
import java.util.List;
import java.util.Optional;

/**
 * Turns what a served version's pods report into a reason a user can act on: {@code
 * ImagePullBackOff}, {@code CrashLoopBackOff}, {@code OOMKilled}, {@code Unschedulable}, {@code
 * CreateContainerConfigError} (a referenced Secret or ConfigMap is missing), each with the pod and
 * container it comes from.
 */
public final class ServedPodProblems {
  private ServedPodProblems() {}

  /** The most telling problem among the pods, if any (image and config errors first). */
  public static Optional<Problem> of(List<Pod> pods) {
    return pods.stream()
        .map(ServedPodProblems::problem)
        .flatMap(Optional::stream)
        .min((a, b) -> Integer.compare(rank(a.reason()), rank(b.reason())));
  }

  private static int rank(String reason) {
    return switch (reason) {
      case "ErrImagePull", "ImagePullBackOff", "InvalidImageName" -> 0;
      case "CreateContainerConfigError", "CreateContainerError" -> 1;
      case "OOMKilled" -> 2;
      case "CrashLoopBackOff" -> 3;
      case "Unschedulable" -> 4;
      default -> 5;
    };
  }

  private static Optional<Problem> problem(Pod pod) {
    if (pod.getStatus() == null) {
      return Optional.empty();
    }
    String podName = pod.getMetadata().getName();
    List<ContainerStatus> statuses = ContainerStatuses.of(pod);
    for (ContainerStatus status : statuses) {
      var state = status.getState();
      if (state != null && state.getWaiting() != null && state.getWaiting().getReason() != null) {
        String reason = state.getWaiting().getReason();
        if (WaitingReasons.DETERMINISTIC.contains(reason)) {
          return Optional.of(
              new Problem(
                  reason.equals("ErrImagePull") ? "ImagePullBackOff" : reason,
                  describe(podName, status, state.getWaiting().getMessage(), reason)));
        }
        if (reason.equals("CrashLoopBackOff")) {
          boolean oom =
              status.getLastState() != null
                  && status.getLastState().getTerminated() != null
                  && "OOMKilled".equals(status.getLastState().getTerminated().getReason());
          return Optional.of(
              oom
                  ? new Problem(
                      "OOMKilled",
                      describe(
                          podName,
                          status,
                          "the container exceeded its memory limit; raise maximumMemory or pick a larger"
                              + " resource bundle",
                          "OOMKilled"))
                  : new Problem(
                      "CrashLoopBackOff",
                      describe(podName, status, state.getWaiting().getMessage(), reason)));
        }
      }
      if (state != null
          && state.getTerminated() != null
          && "OOMKilled".equals(state.getTerminated().getReason())) {
        return Optional.of(
            new Problem(
                "OOMKilled",
                describe(
                    podName,
                    status,
                    "the container exceeded its memory limit; raise maximumMemory or pick a larger"
                        + " resource bundle",
                    "OOMKilled")));
      }
    }
    for (PodCondition condition :
        Optional.ofNullable(pod.getStatus().getConditions()).orElse(List.of())) {
      if ("PodScheduled".equals(condition.getType())
          && "False".equals(condition.getStatus())
          && "Unschedulable".equals(condition.getReason())) {
        return Optional.of(
            new Problem(
                "Unschedulable",
                "pod " + podName + " cannot be scheduled: " + oneLine(condition.getMessage())));
      }
    }
    return Optional.empty();
  }

  private static String describe(
      String podName, ContainerStatus status, String message, String fallback) {
    return "pod "
        + podName
        + " container "
        + status.getName()
        + ": "
        + oneLine(message == null || message.isBlank() ? fallback : message);
  }

  private static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    String line = text.replaceAll("\\s+", " ").trim();
    return line.length() > 300 ? line.substring(0, 297) + "..." : line;
  }
}
