package io.modelops.operator.custommodel;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Blue/green switching of the served version. The Service keeps selecting the version it routes to
 * until the new version's Deployment is Available; only then does it move, and the old Deployment
 * is removed on the next pass, after the Service has been seen on the new version. Serving capacity
 * never drops while {@code activeVersion} changes.
 */
public final class BlueGreen {
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
