package io.modelops.operator.pod;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How the replicas of an HA model spread: over nodes ({@code kubernetes.io/hostname}, maxSkew 1,
 * DoNotSchedule), so more replicas than nodes still schedule as evenly as they can (3 on 2 nodes: 2
 * and 1), and over zones ({@code topology.kubernetes.io/zone}, maxSkew 1, ScheduleAnyway) where
 * nodes carry the zone label. Nodes the pods may not use (tainted, or outside the node selector and
 * affinity) are not counted as domains, else a GPU pool would hold every spread back.
 *
 * @param podSelector labels that select the replicas to spread (one version's serving pods)
 */
public record ReplicaSpread(Map<String, String> podSelector) {
  public static final String HOSTNAME = "kubernetes.io/hostname";
  public static final String ZONE = "topology.kubernetes.io/zone";

  public ReplicaSpread {
    Objects.requireNonNull(podSelector, "podSelector");
    if (podSelector.isEmpty()) {
      throw new IllegalArgumentException("spread podSelector must not be empty");
    }
    podSelector = Collections.unmodifiableSortedMap(new TreeMap<>(podSelector));
  }

  /** The spread constraints an HA model's replicas get. */
  Placement.Spread[] constraints() {
    return new Placement.Spread[] {
      new Placement.Spread(HOSTNAME, 1, "DoNotSchedule"),
      new Placement.Spread(ZONE, 1, "ScheduleAnyway")
    };
  }
}
