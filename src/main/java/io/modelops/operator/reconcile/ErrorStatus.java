package io.modelops.operator.reconcile;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.common.ConditionedStatus;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.StatusPatch;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * What every reconciler reports when a reconcile throws: the exception goes to the log, the status
 * keeps every condition it had and marks one of them Unknown with reason {@value #REASON} and a
 * sentence a user can act on (never exception text). Once JOSDK's retries are exhausted the
 * resource is scheduled again after {@link #AFTER_EXHAUSTED}, so nothing is left stuck waiting for
 * an unrelated event.
 */
public final class ErrorStatus<S extends ConditionedStatus, R extends CustomResource<?, S>> {
  public static final String REASON = "ReconcileError";

  /** How long a resource whose retries were exhausted waits before it is reconciled again. */
  public static final Duration AFTER_EXHAUSTED = Duration.ofMinutes(2);

  private final String conditionType;
  private final Supplier<S> emptyStatus;
  private final Supplier<R> emptyResource;
  private final Clock clock;
  private final Logger log;

  /**
   * The error status of one kind: {@code conditionType} is the condition set to Unknown; the
   * suppliers make an empty status and an empty resource (for the status patch).
   */
  public ErrorStatus(
      String conditionType,
      Supplier<S> emptyStatus,
      Supplier<R> emptyResource,
      Clock clock,
      Logger log) {
    this.conditionType = conditionType;
    this.emptyStatus = emptyStatus;
    this.emptyResource = emptyResource;
    this.clock = clock;
    this.log = log;
  }

  /** The error status of {@code resource}: its current status with the condition Unknown. */
  public ErrorStatusUpdateControl<R> report(R resource, Context<R> context, Exception e) {
    return report(resource, context, e, (status, conditions) -> {});
  }

  /**
   * As {@link #report(CustomResource, Context, Exception)}, then {@code observedNow} overwrites
   * what the caches still tell truly (for a model: whether its Deployment serves), so no condition
   * keeps a reason that stopped being true.
   */
  public ErrorStatusUpdateControl<R> report(
      R resource, Context<R> context, Exception e, BiConsumer<S, Conditions> observedNow) {
    boolean exhausted = context.getRetryInfo().map(RetryInfo::isLastAttempt).orElse(false);
    log.warn(
        "{}/{}: reconcile failed{}",
        resource.getMetadata().getNamespace(),
        resource.getMetadata().getName(),
        exhausted ? " (retries exhausted, again in " + AFTER_EXHAUSTED + ")" : "",
        e);
    S old = resource.getStatus();
    @SuppressWarnings("unchecked")
    S status = old == null ? emptyStatus.get() : (S) Serialization.clone(old);
    Conditions conditions = Conditions.after(old, resource.getMetadata().getGeneration(), clock);
    if (old != null && old.getConditions() != null) {
      old.getConditions()
          .forEach(c -> conditions.set(c.getType(), c.getStatus(), c.getReason(), c.getMessage()));
    }
    conditions.set(
        conditionType,
        ConditionStatus.UNKNOWN,
        REASON,
        "The operator could not reconcile this "
            + resource.getKind()
            + " ("
            + summary(e)
            + ") and will retry; the operator's log has the details.");
    observedNow.accept(status, conditions);
    status.setConditions(conditions.list());
    ErrorStatusUpdateControl<R> control =
        ErrorStatusUpdateControl.patchStatus(StatusPatch.of(resource, status, emptyResource));
    return exhausted ? control.withNoRetry().rescheduleAfter(AFTER_EXHAUSTED) : control;
  }

  /** A few words on what failed, without exception text. */
  static String summary(Exception e) {
    Throwable t = e;
    while (t != null && !(t instanceof KubernetesClientException)) {
      t = t.getCause();
    }
    if (t instanceof KubernetesClientException k && k.getCode() > 0) {
      return "the Kubernetes API answered HTTP " + k.getCode() + reasonWord(k.getCode());
    }
    if (t != null) {
      return "the Kubernetes API could not be reached";
    }
    return "an internal error";
  }

  private static String reasonWord(int code) {
    return switch (code) {
      case 403 -> " Forbidden";
      case 404 -> " Not Found";
      case 409 -> " Conflict";
      case 422 -> " Unprocessable Entity";
      case 429 -> " Too Many Requests";
      case 500 -> " Internal Server Error";
      case 503 -> " Service Unavailable";
      default -> "";
    };
  }
}
