package io.modelops.operator.custommodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServedPodsTest {
  static Pod pod(String name, String hash, String replicaSet) {
    var builder =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace("team-a")
            .addToLabels("modelops.io/model", "churn")
            .addToAnnotations("modelops.io/model-name", "churn")
            .endMetadata();
    if (hash != null) {
      builder.editMetadata().addToLabels(ServedPods.TEMPLATE_HASH, hash).endMetadata();
    }
    if (replicaSet != null) {
      builder
          .editMetadata()
          .addNewOwnerReference()
          .withApiVersion("apps/v1")
          .withKind("ReplicaSet")
          .withName(replicaSet)
          .withUid("rs")
          .withController(true)
          .endOwnerReference()
          .endMetadata();
    }
    return builder.build();
  }

  @Test
  void countsOnlyPodsOfAReplicaSetOfTheModelsOwnDeployments() {
    Pod served = pod("v1-5d8f-x", "5d8f", "v1-5d8f");
    Pod forged = pod("forged", "5d8f", null);
    Pod otherDeployment = pod("other-5d8f-x", "5d8f", "other-5d8f");
    Pod hashMismatch = pod("odd", "aaaa", "v1-5d8f");

    assertThat(
            ServedPods.of(
                List.of(served, forged, otherDeployment, hashMismatch),
                List.of(ServingFixtures.deployment("v1", 1, 1))))
        .containsExactly(served);
  }
}
