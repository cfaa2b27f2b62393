package io.modelops.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Clock;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class WarningEventsTest {
  KubernetesClient client;

  private static ConfigMap object(String resourceVersion) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName("churn")
        .withNamespace("team-a")
        .withUid("u-1")
        .withResourceVersion(resourceVersion)
        .endMetadata()
        .build();
  }

  private int recorded() {
    return client.events().v1().events().inNamespace("team-a").list().getItems().size();
  }

  @Test
  void aWarningIsRecordedOncePerVersionOfTheObjectItRegards() {
    WarningEvents events = new WarningEvents(client, Clock.systemUTC());
    Problem tooBig = Problem.of(Reasons.LIMIT_EXCEEDED, "spec.workerConfig: too big");

    // Two reconciles reading the same, stale version of the object.
    events.warn(object("10"), "Schedule", tooBig);
    events.warn(object("10"), "Schedule", tooBig);
    assertThat(recorded()).isEqualTo(1);

    // Another problem of that version, or the same problem of a later version, is news.
    events.warn(object("10"), "Schedule", Problem.of(Reasons.EGRESS_NOT_ALLOWED, "egress"));
    events.warn(object("12"), "Schedule", tooBig);
    assertThat(recorded()).isEqualTo(3);
  }
}
