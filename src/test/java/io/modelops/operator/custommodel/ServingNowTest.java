package io.modelops.operator.custommodel;

import static io.modelops.operator.custommodel.ServingFixtures.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.modelops.operator.api.v1alpha1.common.Condition;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModelPhase;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModelStatus;
import io.modelops.operator.naming.ModelLabels;
import io.modelops.operator.reconcile.ErrorStatus;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.Reasons;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Ready after a failed reconcile says what is true now: a model whose Service routes to a version
 * that serves is Ready with that version, never left with the reason of an earlier reconcile (a
 * model once kept "none of this model's CustomModelVersions is valid yet" next to a serving
 * Deployment).
 */
class ServingNowTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-02-01T00:00:00Z"), ZoneOffset.UTC);

  private static CustomModelStatus staleStatus() {
    CustomModelStatus old = new CustomModelStatus();
    old.setPhase(CustomModelPhase.INACTIVE);
    old.setConditions(
        Conditions.after(null, 3L, CLOCK)
            .set(
                Conditions.READY,
                false,
                Reasons.NO_VALID_VERSION,
                "none of this model's CustomModelVersions is valid yet")
            .list());
    return old;
  }

  private static Service routingTo(String version) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName("churn")
        .endMetadata()
        .withNewSpec()
        .withSelector(Map.of(ModelLabels.VERSION, version))
        .endSpec()
        .build();
  }

  private static Condition ready(Conditions conditions) {
    return Conditions.find(conditions.list(), Conditions.READY).orElseThrow();
  }

  @Test
  void aModelWhoseServiceRoutesToAServingVersionIsReadyWithThatVersion() {
    CustomModelStatus old = staleStatus();
    CustomModelStatus status = new CustomModelStatus();
    Conditions conditions = Conditions.after(old, 4L, CLOCK);

    ServingStatus.servingNow(
        status,
        conditions,
        List.of(deployment("v1", 2, 2), deployment("v2", 2, 0)),
        Optional.of(routingTo("v1")));

    assertThat(status.getPhase()).isEqualTo(CustomModelPhase.ACTIVE);
    assertThat(status.getActiveVersion()).isEqualTo("v1");
    assertThat(status.getReadyReplicas()).isEqualTo(2);
    Condition ready = ready(conditions);
    assertThat(ready.getStatus()).isEqualTo(ConditionStatus.TRUE);
    assertThat(ready.getReason()).isEqualTo(Reasons.SERVING);
    assertThat(ready.getMessage())
        .isEqualTo("version v1 serves 2 replicas; the last change is not applied yet");
    assertThat(ready.getObservedGeneration()).isEqualTo(4L);
  }

  @Test
  void aModelNothingServesIsNotReadyAndSaysTheOperatorWillRetry() {
    CustomModelStatus status = new CustomModelStatus();
    Conditions conditions = Conditions.after(staleStatus(), 4L, CLOCK);

    // The Service routes to v1, whose Deployment has no available replica.
    ServingStatus.servingNow(
        status, conditions, List.of(deployment("v1", 2, 0)), Optional.of(routingTo("v1")));

    assertThat(status.getReadyReplicas()).isZero();
    Condition ready = ready(conditions);
    assertThat(ready.getStatus()).isEqualTo(ConditionStatus.FALSE);
    assertThat(ready.getReason()).isEqualTo(ErrorStatus.REASON);
    assertThat(ready.getMessage())
        .isEqualTo(
            "no version serves yet: the operator could not reconcile this CustomModel and will"
                + " retry");
  }
}
