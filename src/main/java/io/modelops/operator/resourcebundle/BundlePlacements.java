package io.modelops.operator.resourcebundle;

import io.modelops.operator.api.v1alpha1.resourcebundle.BundlePlacement;
import io.modelops.operator.api.v1alpha1.resourcebundle.NodeRequirement;
import io.modelops.operator.api.v1alpha1.resourcebundle.NodeTerm;
import io.modelops.operator.api.v1alpha1.resourcebundle.PlacementNodeAffinity;
import io.modelops.operator.api.v1alpha1.resourcebundle.PlacementSpread;
import io.modelops.operator.api.v1alpha1.resourcebundle.PlacementToleration;
import io.modelops.operator.api.v1alpha1.resourcebundle.WeightedNodeTerm;
import io.modelops.operator.naming.WireNames;
import io.modelops.operator.pod.Placement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A ResourceBundle's {@code spec.placement} as pod assembly takes it, defaults resolved. */
public final class BundlePlacements {
  private BundlePlacements() {}

  public static Placement of(BundlePlacement placement) {
    if (placement == null) {
      return Placement.none();
    }
    PlacementNodeAffinity affinity =
        Objects.requireNonNullElseGet(placement.getNodeAffinity(), PlacementNodeAffinity::new);
    return new Placement(
        Objects.requireNonNullElse(placement.getNodeSelector(), Map.of()),
        orEmpty(placement.getTolerations()).stream().map(BundlePlacements::toleration).toList(),
        orEmpty(affinity.getRequired()).stream()
            .map(NodeTerm::getMatchExpressions)
            .map(e -> new Placement.NodeTerm(0, requirements(e)))
            .toList(),
        orEmpty(affinity.getPreferred()).stream()
            .map(
                (WeightedNodeTerm t) ->
                    new Placement.NodeTerm(t.getWeight(), requirements(t.getMatchExpressions())))
            .toList(),
        Optional.ofNullable(placement.getPriorityClassName()),
        Optional.ofNullable(placement.getRuntimeClassName()),
        orEmpty(placement.getTopologySpreadConstraints()).stream()
            .map(BundlePlacements::spread)
            .toList(),
        Boolean.TRUE.equals(placement.getRequiredHostAntiAffinity()));
  }

  private static Placement.Toleration toleration(PlacementToleration t) {
    return new Placement.Toleration(
        Objects.requireNonNullElse(t.getKey(), ""),
        t.getOperator() == null ? "Equal" : WireNames.of(t.getOperator()),
        Objects.requireNonNullElse(t.getValue(), ""),
        t.getEffect() == null ? "" : WireNames.of(t.getEffect()),
        Optional.ofNullable(t.getTolerationSeconds()));
  }

  private static List<Placement.NodeRequirement> requirements(List<NodeRequirement> expressions) {
    return orEmpty(expressions).stream()
        .map(
            r ->
                new Placement.NodeRequirement(
                    r.getKey(), WireNames.of(r.getOperator()), orEmpty(r.getValues())))
        .toList();
  }

  private static Placement.Spread spread(PlacementSpread s) {
    return new Placement.Spread(
        s.getTopologyKey(),
        s.getMaxSkew() == null ? 1 : s.getMaxSkew(),
        s.getWhenUnsatisfiable() == null
            ? "ScheduleAnyway"
            : WireNames.of(s.getWhenUnsatisfiable()));
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
