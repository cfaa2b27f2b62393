package io.modelops.operator.pod;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The container statuses the kubelet reports for a pod, init containers first. */
public final class ContainerStatuses {
  private ContainerStatuses() {}

  /** Every container status of {@code pod}, init containers first; empty before it has any. */
  public static List<ContainerStatus> of(Pod pod) {
    if (pod.getStatus() == null) {
      return List.of();
    }
    return Stream.concat(
            Optional.ofNullable(pod.getStatus().getInitContainerStatuses())
                .orElse(List.of())
                .stream(),
            Optional.ofNullable(pod.getStatus().getContainerStatuses()).orElse(List.of()).stream())
        .toList();
  }
}
