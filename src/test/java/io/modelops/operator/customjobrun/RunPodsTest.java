package io.modelops.operator.customjobrun;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunPodsTest {
  static final CustomJobRun RUN = RunFixtures.run();

  static Job job(String uid) {
    return new JobBuilder()
        .withNewMetadata()
        .withName("metrics-1")
        .withNamespace("team-a")
        .withUid(uid)
        .endMetadata()
        .build();
  }

  static Pod pod(String name, String ownerKind, String ownerName, String ownerUid) {
    var builder =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace("team-a")
            .addToAnnotations("modelops.io/run-name", "metrics-1")
            .endMetadata();
    if (ownerKind != null) {
      builder
          .editMetadata()
          .addNewOwnerReference()
          .withApiVersion("batch/v1")
          .withKind(ownerKind)
          .withName(ownerName)
          .withUid(ownerUid)
          .withController(true)
          .endOwnerReference()
          .endMetadata();
    }
    return builder.build();
  }

  @Test
  void onlyPodsControlledByTheRunsOwnJobCount() {
    Pod own = pod("own", "Job", "metrics-1", "job-uid");
    Pod decoy = pod("decoy", null, null, null);
    Pod otherJob = pod("other", "Job", "other-run", "other-uid");
    Pod sameNameOtherUid = pod("impostor", "Job", "metrics-1", "forged-uid");

    assertThat(
            RunPods.of(
                RUN, Optional.of(job("job-uid")), List.of(own, decoy, otherJob, sameNameOtherUid)))
        .containsExactly(own);
  }

  @Test
  void onceTheJobIsGoneItsPodsAreThoseStillNamingIt() {
    Pod leaving = pod("leaving", "Job", "metrics-1", "job-uid");
    Pod decoy = pod("decoy", null, null, null);

    assertThat(RunPods.of(RUN, Optional.empty(), List.of(leaving, decoy))).containsExactly(leaving);
  }
}
