package io.modelops.operator.pod;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder;
import io.fabric8.kubernetes.api.model.PodSpecFluent;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTermBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scheduling part of an assembled pod: the bundle's {@link Placement} (node selector,
 * tolerations, node affinity, priority and runtime class, spread), an HA model's {@link
 * ReplicaSpread} or {@link HostAntiAffinity}, and the image pull secrets. Empty parts are left out
 * (not written as empty lists), so a pod without placement is exactly what it was before placement
 * existed and existing Deployments are not rolled.
 */
final class PodPlacement {
  private PodPlacement() {}

  /** Sets every scheduling field of {@code spec} from {@code inputs}. */
  static <A extends PodSpecFluent<A>> A apply(A spec, WorkloadInputs inputs) {
    Placement placement = inputs.placement();
    spec.withNodeSelector(
            placement.nodeSelector().isEmpty()
                ? null
                : new LinkedHashMap<>(placement.nodeSelector()))
        .withTolerations(nullIfEmpty(tolerations(placement)))
        .withAffinity(affinity(inputs))
        .withPriorityClassName(placement.priorityClassName().orElse(null))
        .withRuntimeClassName(placement.runtimeClassName().orElse(null))
        .withTopologySpreadConstraints(nullIfEmpty(spreads(inputs)))
        .withImagePullSecrets(
            nullIfEmpty(
                new LinkedHashSet<>(inputs.imagePullSecrets())
                    .stream().map(LocalObjectReference::new).toList()));
    return spec;
  }

  private static List<Toleration> tolerations(Placement placement) {
    return placement.tolerations().stream()
        .map(
            t ->
                new TolerationBuilder()
                    .withKey(t.key().isEmpty() ? null : t.key())
                    .withOperator(t.operator())
                    .withValue(t.value().isEmpty() ? null : t.value())
                    .withEffect(t.effect().isEmpty() ? null : t.effect())
                    .withTolerationSeconds(t.seconds().orElse(null))
                    .build())
        .toList();
  }

  static Affinity affinity(WorkloadInputs inputs) {
    Placement placement = inputs.placement();
    boolean nodeAffinity =
        !placement.requiredNodeTerms().isEmpty() || !placement.preferredNodeTerms().isEmpty();
    if (!nodeAffinity && inputs.hostAntiAffinity().isEmpty()) {
      return null;
    }
    AffinityBuilder affinity = new AffinityBuilder();
    if (nodeAffinity) {
      var node = affinity.withNewNodeAffinity();
      if (!placement.requiredNodeTerms().isEmpty()) {
        node.withNewRequiredDuringSchedulingIgnoredDuringExecution()
            .withNodeSelectorTerms(
                placement.requiredNodeTerms().stream().map(PodPlacement::term).toList())
            .endRequiredDuringSchedulingIgnoredDuringExecution();
      }
      node.withPreferredDuringSchedulingIgnoredDuringExecution(
          nullIfEmpty(
              placement.preferredNodeTerms().stream()
                  .map(
                      t ->
                          new PreferredSchedulingTermBuilder()
                              .withWeight(t.weight())
                              .withPreference(term(t))
                              .build())
                  .toList()));
      node.endNodeAffinity();
    }
    inputs
        .hostAntiAffinity()
        .ifPresent(
            anti ->
                affinity
                    .withNewPodAntiAffinity()
                    .addNewRequiredDuringSchedulingIgnoredDuringExecution()
                    .withNewLabelSelector()
                    .withMatchLabels(new LinkedHashMap<>(anti.podSelector()))
                    .endLabelSelector()
                    .withTopologyKey(ReplicaSpread.HOSTNAME)
                    .endRequiredDuringSchedulingIgnoredDuringExecution()
                    .endPodAntiAffinity());
    return affinity.build();
  }

  private static NodeSelectorTerm term(Placement.NodeTerm term) {
    List<NodeSelectorRequirement> requirements =
        term.requirements().stream()
            .map(
                r ->
                    new NodeSelectorRequirementBuilder()
                        .withKey(r.key())
                        .withOperator(r.operator())
                        .withValues(nullIfEmpty(r.values()))
                        .build())
            .toList();
    return new NodeSelectorTermBuilder().withMatchExpressions(requirements).build();
  }

  /**
   * The HA spread first, then the bundle's constraints; a bundle constraint on a topology key the
   * HA spread also uses replaces it (Kubernetes refuses two constraints on one key and action).
   * Each selects the workload's own pods; nodes the pod may not use are not domains.
   */
  private static List<TopologySpreadConstraint> spreads(WorkloadInputs inputs) {
    Map<String, String> selector =
        inputs.replicaSpread().map(ReplicaSpread::podSelector).orElse(inputs.podLabels());
    Map<String, Placement.Spread> byKey = new LinkedHashMap<>();
    inputs
        .replicaSpread()
        .ifPresent(s -> List.of(s.constraints()).forEach(c -> byKey.put(c.topologyKey(), c)));
    inputs.placement().spreads().forEach(c -> byKey.put(c.topologyKey(), c));
    List<TopologySpreadConstraint> out = new ArrayList<>();
    Set<String> keys = byKey.keySet();
    for (String key : keys) {
      Placement.Spread c = byKey.get(key);
      out.add(
          new TopologySpreadConstraintBuilder()
              .withTopologyKey(c.topologyKey())
              .withMaxSkew(c.maxSkew())
              .withWhenUnsatisfiable(c.whenUnsatisfiable())
              .withNewLabelSelector()
              .withMatchLabels(new LinkedHashMap<>(selector))
              .endLabelSelector()
              .withNodeAffinityPolicy("Honor")
              .withNodeTaintsPolicy("Honor")
              .build());
    }
    return out;
  }

  private static <T> List<T> nullIfEmpty(List<T> list) {
    return list.isEmpty() ? null : list;
  }
}
