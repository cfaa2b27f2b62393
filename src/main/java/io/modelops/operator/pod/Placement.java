package io.modelops.operator.pod;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a workload's pods may run, as its ResourceBundle's placement resolves: the platform's
 * decision, never a tenant's. Models and jobs on one bundle get the same placement.
 *
 * @param nodeSelector node labels every pod's node must carry
 * @param tolerations taints the pods tolerate
 * @param requiredNodeTerms the pods run only on a node matching one of these (ORed) terms
 * @param preferredNodeTerms weighted node preferences
 * @param priorityClassName the pods' PriorityClass, if any
 * @param runtimeClassName the pods' RuntimeClass, if any
 * @param spreads topology spread constraints over the workload's own pods
 * @param requiredHostAntiAffinity HA models get required anti-affinity on the node instead of a
 *     spread
 */
public record Placement(
    Map<String, String> nodeSelector,
    List<Toleration> tolerations,
    List<NodeTerm> requiredNodeTerms,
    List<NodeTerm> preferredNodeTerms,
    Optional<String> priorityClassName,
    Optional<String> runtimeClassName,
    List<Spread> spreads,
    boolean requiredHostAntiAffinity) {

  public Placement {
    nodeSelector = Collections.unmodifiableSortedMap(new TreeMap<>(nodeSelector));
    tolerations = List.copyOf(tolerations);
    requiredNodeTerms = List.copyOf(requiredNodeTerms);
    preferredNodeTerms = List.copyOf(preferredNodeTerms);
    Objects.requireNonNull(priorityClassName, "priorityClassName");
    Objects.requireNonNull(runtimeClassName, "runtimeClassName");
    spreads = List.copyOf(spreads);
  }

  /** No placement: the scheduler's defaults. */
  public static Placement none() {
    return new Placement(
        Map.of(),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        false);
  }

  /**
   * A toleration.
   *
   * @param key the taint key; empty with operator Exists tolerates every taint
   * @param operator Exists or Equal
   * @param value the value with Equal, else empty
   * @param effect NoSchedule, PreferNoSchedule, NoExecute; empty for all
   * @param seconds how long a NoExecute taint is tolerated, if bounded
   */
  public record Toleration(
      String key, String operator, String value, String effect, Optional<Long> seconds) {
    public Toleration {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(effect, "effect");
      Objects.requireNonNull(seconds, "seconds");
    }
  }

  /**
   * A node selector term: requirements that must all hold; {@code weight} for a preference
   * (1..100), 0 for a required term.
   */
  public record NodeTerm(int weight, List<NodeRequirement> requirements) {
    public NodeTerm {
      requirements = List.copyOf(requirements);
      if (requirements.isEmpty()) {
        // An empty term matches no node at all.
        throw new IllegalArgumentException("a node term needs at least one requirement");
      }
    }
  }

  /** A requirement on a node label: In, NotIn, Exists, DoesNotExist, Gt or Lt. */
  public record NodeRequirement(String key, String operator, List<String> values) {
    public NodeRequirement {
      InputChecks.requireText(key, "node requirement key");
      InputChecks.requireText(operator, "node requirement operator");
      values = List.copyOf(values);
    }
  }

  /**
   * A topology spread constraint over the workload's own pods.
   *
   * @param topologyKey node label of the domains
   * @param maxSkew largest allowed difference of pod counts between domains
   * @param whenUnsatisfiable DoNotSchedule or ScheduleAnyway
   */
  public record Spread(String topologyKey, int maxSkew, String whenUnsatisfiable) {
    public Spread {
      InputChecks.requireText(topologyKey, "topologyKey");
      if (maxSkew < 1) {
        throw new IllegalArgumentException("maxSkew must be at least 1, is " + maxSkew);
      }
      InputChecks.requireText(whenUnsatisfiable, "whenUnsatisfiable");
    }
  }
}
