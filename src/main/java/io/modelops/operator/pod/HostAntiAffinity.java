package io.modelops.operator.pod;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Required pod anti-affinity on {@code kubernetes.io/hostname} for HA models: no two pods matching
 * the selector share a node, so one node failing takes down at most one replica.
 *
 * @param podSelector labels that select the model's serving pods (typically the Deployment's
 *     selector)
 */
public record HostAntiAffinity(Map<String, String> podSelector) {
  public HostAntiAffinity {
    Objects.requireNonNull(podSelector, "podSelector");
    if (podSelector.isEmpty()) {
      // An empty selector would keep this pod away from every pod on the node.
      throw new IllegalArgumentException("anti-affinity podSelector must not be empty");
    }
    podSelector = Collections.unmodifiableSortedMap(new TreeMap<>(podSelector));
  }
}
