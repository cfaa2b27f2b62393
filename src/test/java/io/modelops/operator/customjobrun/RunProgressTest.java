package io.modelops.operator.customjobrun;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRunPhase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunProgressTest {
  private static Job job(String conditionType, String reason) {
    var builder =
        new JobBuilder().withNewMetadata().withName("run-1").endMetadata().withNewStatus();
    if (conditionType != null) {
      builder
          .addNewCondition()
          .withType(conditionType)
          .withStatus("True")
          .withReason(reason)
          .withMessage(reason == null ? null : "job says " + reason)
          .endCondition();
    }
    return builder.endStatus().build();
  }

  private static Pod pod(String name, List<ContainerStatus> init, List<ContainerStatus> main) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withCreationTimestamp("2026-11-23T00:00:00Z")
        .endMetadata()
        .withNewStatus()
        .withPhase("Pending")
        .withInitContainerStatuses(init)
        .withContainerStatuses(main)
        .endStatus()
        .build();
  }

  private static ContainerStatus waiting(String name, String reason) {
    return new ContainerStatusBuilder()
        .withName(name)
        .withNewState()
        .withNewWaiting()
        .withReason(reason)
        .withMessage("detail of " + reason)
        .endWaiting()
        .endState()
        .build();
  }

  private static ContainerStatus exited(String name, int now, Integer before) {
    var b =
        new ContainerStatusBuilder()
            .withName(name)
            .withNewState()
            .withNewTerminated()
            .withExitCode(now)
            .endTerminated()
            .endState();
    if (before != null) {
      b.withNewLastState().withNewTerminated().withExitCode(before).endTerminated().endLastState();
    }
    return b.build();
  }

  @Test
  void aRunWithoutJobIsQueued() {
    var o = RunProgress.observe(false, Optional.empty(), List.of());
    assertThat(o.phase()).isEqualTo(CustomJobRunPhase.QUEUED);
    assertThat(o.failFast()).isFalse();
  }

  @Test
  void aJobWithoutVerdictIsRunning() {
    var o =
        RunProgress.observe(
            false, Optional.of(job(null, null)), List.of(pod("p", List.of(), List.of())));
    assertThat(o.phase()).isEqualTo(CustomJobRunPhase.RUNNING);
    assertThat(o.podName()).contains("p");
  }

  @Test
  void completeJobSucceedsWithExitCodeZero() {
    var o =
        RunProgress.observe(
            false,
            Optional.of(job("Complete", null)),
            List.of(pod("p", List.of(), List.of(exited("main", 0, null)))));
    assertThat(o.phase()).isEqualTo(CustomJobRunPhase.SUCCEEDED);
    assertThat(o.exitCode()).contains(0);
  }

  @Test
  void failedJobFailsWithItsReasonAndExitCode() {
    var o =
        RunProgress.observe(
            false,
            Optional.of(job("Failed", "BackoffLimitExceeded")),
            List.of(pod("p", List.of(), List.of(exited("main", 3, null)))));
    assertThat(o.phase()).isEqualTo(CustomJobRunPhase.FAILED);
    assertThat(o.reason()).isEqualTo("BackoffLimitExceeded");
    assertThat(o.exitCode()).contains(3);
  }

  @Test
  void timeoutFailsWithDeadlineExceeded() {
    var o = RunProgress.observe(false, Optional.of(job("Failed", "DeadlineExceeded")), List.of());
    assertThat(o.phase()).isEqualTo(CustomJobRunPhase.FAILED);
    assertThat(o.reason()).isEqualTo("DeadlineExceeded");
  }

  @Test
  void imagePullFailureFailsFast() {
    var o =
        RunProgress.observe(
            false,
            Optional.of(job(null, null)),
            List.of(pod("p", List.of(), List.of(waiting("main", "ImagePullBackOff")))));
    assertThat(o.phase()).isEqualTo(CustomJobRunPhase.FAILED);
    assertThat(o.reason()).isEqualTo("ImagePullBackOff");
    assertThat(o.message()).contains("container main");
    assertThat(o.failFast()).isTrue();
  }

  @Test
  void missingSecretFailsFast() {
    var o =
        RunProgress.observe(
            false,
            Optional.of(job(null, null)),
            List.of(pod("p", List.of(), List.of(waiting("main", "CreateContainerConfigError")))));
    assertThat(o.reason()).isEqualTo("CreateContainerConfigError");
    assertThat(o.failFast()).isTrue();
  }

  @Test
  void initContainerFailingTheSameWayTwiceFailsFast() {
    var o =
        RunProgress.observe(
            false,
            Optional.of(job(null, null)),
            List.of(pod("p", List.of(exited("fetch-code", 128, 128)), List.of())));
    assertThat(o.phase()).isEqualTo(CustomJobRunPhase.FAILED);
    assertThat(o.reason()).isEqualTo("InitContainerFailed");
    assertThat(o.message()).contains("fetch-code").contains("128");
    assertThat(o.failFast()).isTrue();
  }

  @Test
  void initContainerFailingDifferentlyKeepsRetrying() {
    var o =
        RunProgress.observe(
            false,
            Optional.of(job(null, null)),
            List.of(pod("p", List.of(exited("fetch-code", 1, 128)), List.of())));
    assertThat(o.phase()).isEqualTo(CustomJobRunPhase.RUNNING);
  }

  @Test
  void anEvictedPodInterruptsTheRun() {
    Pod evicted =
        new PodBuilder()
            .withNewMetadata()
            .withName("p")
            .withCreationTimestamp("2026-11-23T00:00:00Z")
            .endMetadata()
            .withNewStatus()
            .withPhase("Failed")
            .withReason("Evicted")
            .endStatus()
            .build();
    var o = RunProgress.observe(false, Optional.of(job(null, null)), List.of(evicted));
    assertThat(o.phase()).isEqualTo(CustomJobRunPhase.INTERRUPTED);
    assertThat(o.reason()).isEqualTo("Evicted");
  }

  @Test
  void cancelIsCancelingUntilJobAndPodsAreGone() {
    assertThat(RunProgress.observe(true, Optional.of(job(null, null)), List.of()).phase())
        .isEqualTo(CustomJobRunPhase.CANCELING);
    assertThat(
            RunProgress.observe(true, Optional.empty(), List.of(pod("p", List.of(), List.of())))
                .phase())
        .isEqualTo(CustomJobRunPhase.CANCELING);
    assertThat(RunProgress.observe(true, Optional.empty(), List.of()).phase())
        .isEqualTo(CustomJobRunPhase.CANCELED);
  }

  @Test
  void finishedPhases() {
    assertThat(CustomJobRunPhase.values())
        .filteredOn(CustomJobRunPhase::finished)
        .containsExactly(
            CustomJobRunPhase.SUCCEEDED,
            CustomJobRunPhase.FAILED,
            CustomJobRunPhase.INTERRUPTED,
            CustomJobRunPhase.CANCELED);
  }
}
