package io.modelops.operator.status;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.common.Condition;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.common.ConditionedStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds a status's conditions following the Kubernetes API conventions: one condition per type, a
 * CamelCase reason, a one-line message, the generation it was computed from, and a
 * lastTransitionTime that changes only when the condition's status changes.
 */
public final class Conditions {
  public static final String READY = "Ready";
  public static final String PROGRESSING = "Progressing";
  public static final String DEGRADED = "Degraded";
  public static final String VALIDATED = "Validated";

  private final List<Condition> previous;
  private final List<Condition> next = new ArrayList<>();
  private final long generation;
  private final Instant now;

  private Conditions(List<Condition> previous, long generation, Instant now) {
    this.previous = previous;
    this.generation = generation;
    this.now = now;
  }

  /** Starts the conditions of a new status, carrying transition times over from {@code old}. */
  public static Conditions after(ConditionedStatus old, Long generation, Clock clock) {
    List<Condition> previous =
        old == null || old.getConditions() == null ? List.of() : old.getConditions();
    return new Conditions(
        previous,
        generation == null ? 0 : generation,
        clock.instant().truncatedTo(ChronoUnit.SECONDS));
  }

  /** Sets {@code type} to True or False. */
  public Conditions set(String type, boolean value, String reason, String message) {
    return set(type, value ? ConditionStatus.TRUE : ConditionStatus.FALSE, reason, message);
  }

  /** Sets {@code type} to a status. */
  public Conditions set(String type, ConditionStatus status, String reason, String message) {
    next.removeIf(c -> c.getType().equals(type));
    Condition c = new Condition();
    c.setType(type);
    c.setStatus(status);
    c.setReason(reason);
    c.setMessage(message);
    c.setObservedGeneration(generation);
    c.setLastTransitionTime(
        find(previous, type)
            .filter(old -> old.getStatus() == status && old.getLastTransitionTime() != null)
            .map(Condition::getLastTransitionTime)
            .orElse(now.toString()));
    next.add(c);
    return this;
  }

  public List<Condition> list() {
    return List.copyOf(next);
  }

  /** The condition of {@code type}, if present. */
  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions == null
        ? Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** The condition of {@code type} in a status (which may be null). */
  public static Optional<Condition> find(ConditionedStatus status, String type) {
    return status == null ? Optional.empty() : find(status.getConditions(), type);
  }

  /** Whether {@code type} is True in {@code status}. */
  public static boolean isTrue(ConditionedStatus status, String type) {
    return find(status, type).map(c -> c.getStatus() == ConditionStatus.TRUE).orElse(false);
  }

  /** Whether a condition changed status, reason or message between two statuses. */
  public static boolean transitioned(ConditionedStatus old, ConditionedStatus now, String type) {
    Optional<Condition> a = find(old, type);
    Optional<Condition> b = find(now, type);
    if (a.isEmpty() || b.isEmpty()) {
      return a.isPresent() != b.isPresent();
    }
    return a.get().getStatus() != b.get().getStatus()
        || !Objects.equals(a.get().getReason(), b.get().getReason())
        || !Objects.equals(a.get().getMessage(), b.get().getMessage());
  }

  /** Whether two statuses differ, compared as JSON (status classes have no equals). */
  public static boolean differ(Object old, Object now) {
    return !Objects.equals(
        Serialization.jsonMapper().valueToTree(old), Serialization.jsonMapper().valueToTree(now));
  }
}
