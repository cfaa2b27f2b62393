package io.modelops.operator.custommodel;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Blue/green switching of the served version. The Service keeps selecting the version it routes to
 * until the new version's Deployment is Available; only then does it move (the cut-over), and the
 * old Deployment is removed on the next pass, after the Service has been seen on the new version;
 * the cut-over pass schedules that next pass itself ({@link #AFTER_CUT_OVER}). Serving capacity
 * never drops while {@code activeVersion} changes.
 */
public final class BlueGreen {
  /**
   * When the pass after a cut-over runs. It must be asked for: JOSDK does not wake a reconciler for
   * the writes it made itself (the Service's new selector), and once the new version is Available
   * nothing else may change, so without it the previous Deployment would stay until an unrelated
   * event.
   */
  public static final Duration AFTER_CUT_OVER = Duration.ofSeconds(1);

  private BlueGreen() {}

  /**
   * @param routeTo the version the Service selects
   * @param keep versions whose Deployments must exist (the others are removed)
   * @param replacing a switch is under way (phase replacingModel)
   */
  public record Decision(String routeTo, Set<String> keep, boolean replacing) {}

  /**
   * Decides routing from the version the Service routes to now (empty before the first launch), the
   * target version, and which versions' Deployments exist and are Available.
   */
  public static Decision decide(
      Optional<String> routed, String target, Map<String, Boolean> availableByVersion) {
    if (routed.isEmpty()
        || routed.get().equals(target)
        || !availableByVersion.containsKey(routed.get())) {
      return new Decision(target, Set.of(target), false);
    }
    Set<String> both = new LinkedHashSet<>();
    both.add(routed.get());
    both.add(target);
    boolean targetAvailable = availableByVersion.getOrDefault(target, false);
    return targetAvailable
        ? new Decision(target, both, true)
        : new Decision(routed.get(), both, true);
  }
}
