package io.modelops.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.modelops.operator.api.v1alpha1.common.Condition;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModelStatus;
import io.modelops.operator.status.Conditions;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ErrorStatusTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);
  private final ErrorStatus<CustomModelStatus, CustomModel> errors =
      new ErrorStatus<>(
          Conditions.PROGRESSING,
          CustomModelStatus::new,
          CustomModel::new,
          CLOCK,
          LoggerFactory.getLogger(ErrorStatusTest.class));

  @Test
  void conditionSaysWhatFailedWithoutExceptionTextAndKeepsTheOtherConditions() {
    var control =
        errors.report(
            servingModel(),
            context(Optional.of(retry(1, false))),
            new KubernetesClientException(
                "Failure executing: PATCH at: https://10.0.0.1/apis/apps/v1/deployments/x",
                409,
                null));

    CustomModelStatus status = control.getResource().orElseThrow().getStatus();
    Condition progressing = Conditions.find(status, Conditions.PROGRESSING).orElseThrow();
    assertThat(progressing.getStatus()).isEqualTo(ConditionStatus.UNKNOWN);
    assertThat(progressing.getReason()).isEqualTo(ErrorStatus.REASON);
    assertThat(progressing.getMessage())
        .isEqualTo(
            "The operator could not reconcile this CustomModel (the Kubernetes API answered HTTP"
                + " 409 Conflict) and will retry; the operator's log has the details.")
        .doesNotContain("Exception", "Failure executing", "https://");
    assertThat(Conditions.find(status, Conditions.READY).orElseThrow().getReason())
        .isEqualTo("RolloutComplete");
    assertThat(control.getResource().get().getSpec()).isNull();
    assertThat(control.isNoRetry()).isFalse();
    assertThat(control.getScheduleDelay()).isEmpty();
  }

  @Test
  void anErrorOutsideTheApiIsAnInternalError() {
    var control =
        errors.report(
            servingModel(), context(Optional.empty()), new IllegalStateException("secret value"));
    assertThat(
            Conditions.find(control.getResource().orElseThrow().getStatus(), Conditions.PROGRESSING)
                .orElseThrow()
                .getMessage())
        .contains("(an internal error)")
        .doesNotContain("secret value", "IllegalState");
  }

  @Test
  void exhaustedRetriesAreScheduledAgainInsteadOfLeftStuck() {
    ErrorStatusUpdateControl<CustomModel> control =
        errors.report(
            servingModel(),
            context(Optional.of(retry(6, true))),
            new KubernetesClientException("boom", 503, null));
    assertThat(control.isNoRetry()).isTrue();
    assertThat(control.getScheduleDelay()).contains(ErrorStatus.AFTER_EXHAUSTED.toMillis());
  }

  private static CustomModel servingModel() {
    return Serialization.unmarshal(
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModel
        metadata: {name: churn, namespace: team-a, generation: 3}
        spec: {targetType: Binary, positiveClassLabel: "yes", negativeClassLabel: "no"}
        status:
          observedGeneration: 3
          conditions:
          - {type: Ready, status: "True", reason: RolloutComplete, message: serving 1.0}
        """,
        CustomModel.class);
  }

  private static RetryInfo retry(int attempt, boolean last) {
    return new RetryInfo() {
      @Override
      public int getAttemptCount() {
        return attempt;
      }

      @Override
      public boolean isLastAttempt() {
        return last;
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static Context<CustomModel> context(Optional<RetryInfo> retry) {
    return (Context<CustomModel>)
        Proxy.newProxyInstance(
            Context.class.getClassLoader(),
            new Class<?>[] {Context.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getRetryInfo")) {
                return retry;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
