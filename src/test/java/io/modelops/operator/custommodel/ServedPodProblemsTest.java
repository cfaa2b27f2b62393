package io.modelops.operator.custommodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.modelops.operator.status.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServedPodProblemsTest {
  private static Pod waiting(String name, String reason, String lastTerminatedReason) {
    var status =
        new ContainerStatusBuilder()
            .withName("model")
            .withNewState()
            .withNewWaiting()
            .withReason(reason)
            .withMessage("message for " + reason)
            .endWaiting()
            .endState();
    if (lastTerminatedReason != null) {
      status
          .withNewLastState()
          .withNewTerminated()
          .withReason(lastTerminatedReason)
          .withExitCode(137)
          .endTerminated()
          .endLastState();
    }
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewStatus()
        .withContainerStatuses(status.build())
        .endStatus()
        .build();
  }

  private static Pod unschedulable(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewStatus()
        .addNewCondition()
        .withType("PodScheduled")
        .withStatus("False")
        .withReason("Unschedulable")
        .withMessage("0/2 nodes are available: 2 Insufficient memory.")
        .endCondition()
        .endStatus()
        .build();
  }

  @Test
  void healthyPodsHaveNoProblem() {
    Pod ok =
        new PodBuilder()
            .withNewMetadata()
            .withName("ok")
            .endMetadata()
            .withNewStatus()
            .withPhase("Running")
            .endStatus()
            .build();
    assertThat(ServedPodProblems.of(List.of(ok))).isEmpty();
  }

  @Test
  void reportsImagePullBackOffWithPodAndContainer() {
    assertThat(ServedPodProblems.of(List.of(waiting("m-1", "ErrImagePull", null))))
        .contains(
            new Problem("ImagePullBackOff", "pod m-1 container model: message for ErrImagePull"));
  }

  @Test
  void crashLoopAfterOomIsReportedAsOomKilled() {
    assertThat(
            ServedPodProblems.of(List.of(waiting("m-1", "CrashLoopBackOff", "OOMKilled")))
                .map(Problem::reason))
        .contains("OOMKilled");
    assertThat(
            ServedPodProblems.of(List.of(waiting("m-1", "CrashLoopBackOff", "Error")))
                .map(Problem::reason))
        .contains("CrashLoopBackOff");
  }

  @Test
  void reportsUnschedulableWithTheSchedulersMessage() {
    assertThat(ServedPodProblems.of(List.of(unschedulable("m-2"))))
        .contains(
            new Problem(
                "Unschedulable",
                "pod m-2 cannot be scheduled: 0/2 nodes are available: 2 Insufficient memory."));
  }

  @Test
  void imageProblemsOutrankOthers() {
    assertThat(
            ServedPodProblems.of(
                    List.of(
                        unschedulable("a"),
                        waiting("b", "CrashLoopBackOff", null),
                        waiting("c", "ImagePullBackOff", null)))
                .map(Problem::reason))
        .contains("ImagePullBackOff");
  }

  @Test
  void missingSecretIsCreateContainerConfigError() {
    assertThat(
            ServedPodProblems.of(List.of(waiting("d", "CreateContainerConfigError", null)))
                .map(Problem::reason))
        .contains("CreateContainerConfigError");
  }
}
