package io.modelops.operator.customjob;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduledRunTest {
  static CustomJob job() {
    return Serialization.unmarshal(
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJob
        metadata: {name: nightly, namespace: team-a, uid: 1234}
        spec:
          environment: {image: "python:3.11"}
          code: {configMap: {name: code}}
        """,
        CustomJob.class);
  }

  @Test
  void aScheduledRunIsNamedAfterItsMinuteOwnedByTheJobAndSaysWhenItWasDue() {
    Instant at = Instant.parse("2030-01-07T03:00:00Z");
    var run = ScheduledRun.of(job(), at);
    assertThat(run.getMetadata().getName()).isEqualTo("nightly-" + at.getEpochSecond() / 60);
    assertThat(run.getMetadata().getNamespace()).isEqualTo("team-a");
    assertThat(run.getMetadata().getLabels()).containsEntry("modelops.io/job", "nightly");
    assertThat(run.getMetadata().getAnnotations())
        .containsEntry("modelops.io/scheduled-at", "2030-01-07T03:00:00Z");
    assertThat(run.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getUid()).isEqualTo("1234");
              assertThat(o.getController()).isTrue();
            });
    assertThat(run.getSpec().getCustomJobRef().getName()).isEqualTo("nightly");
    assertThat(run.getSpec().getDescription()).isEqualTo("scheduled run for " + at);
    assertThat(JobRuns.ownedBy(run, job())).isTrue();
    assertThat(JobRuns.active(run)).isTrue();
  }
}
