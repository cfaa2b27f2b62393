package io.modelops.operator.customjobrun;

import static io.modelops.operator.customjobrun.RunFixtures.job;
import static io.modelops.operator.customjobrun.RunFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelops.operator.naming.RunLabels;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunJobTest {
  @Test
  void aRunsJobIsNamedAfterTheRunAndLabelledForTheOperatorsInformers() {
    var job = RunJob.desired(plan(job("retries: 3"), Optional.empty()));
    assertThat(job.getMetadata().getName()).isEqualTo("metrics-1");
    assertThat(job.getMetadata().getNamespace()).isEqualTo("team-a");
    assertThat(job.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "modelops-operator")
        .containsEntry("app.kubernetes.io/component", RunLabels.JOB_RUN)
        .containsEntry(RunLabels.JOB, "metrics")
        .containsEntry(RunLabels.RUN, "metrics-1");
    assertThat(job.getMetadata().getAnnotations())
        .containsEntry(RunLabels.RUN_NAME_ANNOTATION, "metrics-1");
    assertThat(job.getSpec().getBackoffLimit()).isEqualTo(3);
    // No timeoutSeconds: the operator's maxCustomJobTimeout.
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(900);
  }

  @Test
  void itsPodsNeverRestartInPlaceAndNameTheirRun() {
    var template = RunJob.desired(plan(job(""), Optional.empty())).getSpec().getTemplate();
    assertThat(template.getSpec().getRestartPolicy()).isEqualTo("Never");
    assertThat(template.getMetadata().getLabels()).containsEntry(RunLabels.RUN, "metrics-1");
    assertThat(template.getMetadata().getAnnotations())
        .containsEntry(RunLabels.RUN_NAME_ANNOTATION, "metrics-1");
    assertThat(template.getSpec().getContainers().get(0).getImage()).isEqualTo("python:3.11");
  }

  @Test
  void isCreateOnlySoAJobIsNeverComparedOrUpdated() {
    assertThat(new RunJob())
        .isInstanceOf(io.javaoperatorsdk.operator.processing.dependent.Creator.class)
        .isInstanceOf(io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected.class)
        .isNotInstanceOf(io.javaoperatorsdk.operator.processing.dependent.Updater.class);
  }
}
