package io.modelops.operator.custommodel;

import io.modelops.operator.config.OperatorConfig;

/**
 * How a model's replicas are kept apart: not at all (no {@code requiresHa}), spread over nodes and
 * zones (the default for {@code requiresHa}: more replicas than nodes still schedule, as evenly as
 * they can), or required host anti-affinity (at most one replica per node: replicas beyond the
 * number of usable nodes stay Pending and the model reports Degraded), which the model's bundle
 * ({@code spec.placement.requiredHostAntiAffinity}) or the operator ({@code
 * placement.requiredHostAntiAffinity}) opts into. Tenants cannot choose it: it is the platform's.
 */
enum HaScheduling {
  NONE,
  SPREAD,
  HOST_ANTI_AFFINITY;

  static HaScheduling of(EffectiveServing.Resolved serving, OperatorConfig config) {
    if (!serving.requiresHa()) {
      return NONE;
    }
    return serving.placement().requiredHostAntiAffinity()
            || config.placement().requiredHostAntiAffinity()
        ? HOST_ANTI_AFFINITY
        : SPREAD;
  }
}
