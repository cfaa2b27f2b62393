package io.modelops.operator.pod;

import static io.modelops.operator.pod.Workloads.SELECTOR;
import static io.modelops.operator.pod.Workloads.job;
import static io.modelops.operator.pod.Workloads.model;
import static io.modelops.operator.pod.Workloads.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PodPlacementTest {
  static final Placement GPU_POOL =
      new Placement(
          Map.of("nvidia.com/gpu.present", "true"),
          List.of(
              new Placement.Toleration(
                  "nvidia.com/gpu", "Equal", "present", "NoSchedule", Optional.empty()),
              new Placement.Toleration("", "Exists", "", "NoExecute", Optional.of(300L))),
          List.of(
              new Placement.NodeTerm(
                  0,
                  List.of(
                      new Placement.NodeRequirement(
                          "nvidia.com/gpu.product", "In", List.of("A100", "H100"))))),
          List.of(
              new Placement.NodeTerm(
                  40, List.of(new Placement.NodeRequirement("spot", "DoesNotExist", List.of())))),
          Optional.of("gpu-workloads"),
          Optional.of("nvidia"),
          List.of(new Placement.Spread("topology.kubernetes.io/zone", 2, "DoNotSchedule")),
          false);

  @Test
  void aPodWithoutPlacementHasNoSchedulingFields() {
    PodSpec spec = spec(model());

    assertThat(spec.getNodeSelector()).isNull();
    assertThat(spec.getTolerations()).isNull();
    assertThat(spec.getAffinity()).isNull();
    assertThat(spec.getPriorityClassName()).isNull();
    assertThat(spec.getRuntimeClassName()).isNull();
    assertThat(spec.getTopologySpreadConstraints()).isNull();
    assertThat(spec.getImagePullSecrets()).isNull();
  }

  @Test
  void theBundlePlacementReachesThePodAsWritten() {
    PodSpec spec = spec(model().placement(GPU_POOL));

    assertThat(spec.getNodeSelector()).containsExactly(Map.entry("nvidia.com/gpu.present", "true"));
    assertThat(spec.getTolerations())
        .extracting(
            t ->
                t.getKey()
                    + " "
                    + t.getOperator()
                    + " "
                    + t.getValue()
                    + " "
                    + t.getEffect()
                    + " "
                    + t.getTolerationSeconds())
        .containsExactly(
            "nvidia.com/gpu Equal present NoSchedule null", "null Exists null NoExecute 300");
    var node = spec.getAffinity().getNodeAffinity();
    assertThat(node.getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms())
        .singleElement()
        .satisfies(
            t ->
                assertThat(t.getMatchExpressions())
                    .singleElement()
                    .satisfies(
                        r -> {
                          assertThat(r.getKey()).isEqualTo("nvidia.com/gpu.product");
                          assertThat(r.getOperator()).isEqualTo("In");
                          assertThat(r.getValues()).containsExactly("A100", "H100");
                        }));
    assertThat(node.getPreferredDuringSchedulingIgnoredDuringExecution())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getWeight()).isEqualTo(40);
              assertThat(p.getPreference().getMatchExpressions().get(0).getValues()).isNull();
            });
    assertThat(spec.getAffinity().getPodAntiAffinity()).isNull();
    assertThat(spec.getPriorityClassName()).isEqualTo("gpu-workloads");
    assertThat(spec.getRuntimeClassName()).isEqualTo("nvidia");
    assertThat(spec.getTopologySpreadConstraints())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getTopologyKey()).isEqualTo("topology.kubernetes.io/zone");
              assertThat(c.getMaxSkew()).isEqualTo(2);
              // The workload's own pods, never a selector the bundle could aim at others.
              assertThat(c.getLabelSelector().getMatchLabels()).isEqualTo(SELECTOR);
            });
  }

  @Test
  void modelsAndJobsOnOneBundleGetTheSamePlacement() {
    PodSpec model = spec(model().placement(GPU_POOL));
    PodSpec job = spec(job().placement(GPU_POOL));

    assertThat(job.getNodeSelector()).isEqualTo(model.getNodeSelector());
    assertThat(job.getTolerations()).isEqualTo(model.getTolerations());
    assertThat(job.getAffinity()).isEqualTo(model.getAffinity());
    assertThat(job.getPriorityClassName()).isEqualTo(model.getPriorityClassName());
    assertThat(job.getRuntimeClassName()).isEqualTo(model.getRuntimeClassName());
  }

  @Test
  void haReplicasSpreadOverNodesStrictlyAndOverZonesWherePossible() {
    Map<String, String> version = Map.of("modelops.io/model", "churn", "modelops.io/version", "v2");
    PodSpec spec = spec(model().replicaSpread(Optional.of(new ReplicaSpread(version))));

    assertThat(spec.getAffinity()).isNull();
    assertThat(spec.getTopologySpreadConstraints())
        .extracting(c -> c.getTopologyKey() + " " + c.getMaxSkew() + " " + c.getWhenUnsatisfiable())
        .containsExactly(
            "kubernetes.io/hostname 1 DoNotSchedule",
            "topology.kubernetes.io/zone 1 ScheduleAnyway");
    assertThat(spec.getTopologySpreadConstraints())
        .allSatisfy(
            c -> {
              assertThat(c.getLabelSelector().getMatchLabels()).isEqualTo(version);
              // A tainted GPU pool the pods cannot use is not a domain to balance against.
              assertThat(c.getNodeTaintsPolicy()).isEqualTo("Honor");
              assertThat(c.getNodeAffinityPolicy()).isEqualTo("Honor");
            });
  }

  @Test
  void aBundleSpreadOnTheHaTopologyKeyReplacesTheDefaultRatherThanDuplicatingIt() {
    Map<String, String> version = Map.of("modelops.io/model", "churn", "modelops.io/version", "v2");
    PodSpec spec =
        spec(model().replicaSpread(Optional.of(new ReplicaSpread(version))).placement(GPU_POOL));

    List<TopologySpreadConstraint> constraints = spec.getTopologySpreadConstraints();
    assertThat(constraints)
        .extracting(c -> c.getTopologyKey() + " " + c.getMaxSkew() + " " + c.getWhenUnsatisfiable())
        .containsExactly(
            "kubernetes.io/hostname 1 DoNotSchedule",
            "topology.kubernetes.io/zone 2 DoNotSchedule");
  }

  @Test
  void hardAntiAffinityAndNodeAffinityShareTheAffinity() {
    PodSpec spec =
        spec(model().hostAntiAffinity(new HostAntiAffinity(SELECTOR)).placement(GPU_POOL));

    assertThat(spec.getAffinity().getNodeAffinity()).isNotNull();
    assertThat(
            spec.getAffinity()
                .getPodAntiAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution())
        .singleElement()
        .satisfies(t -> assertThat(t.getTopologyKey()).isEqualTo("kubernetes.io/hostname"));
  }

  @Test
  void imagePullSecretsAreNamedOnceInOrder() {
    PodSpec spec = spec(job().imagePullSecrets(List.of("team-registry", "platform", "platform")));

    assertThat(spec.getImagePullSecrets())
        .extracting(LocalObjectReference::getName)
        .containsExactly("team-registry", "platform");
  }

  @Test
  void placementKeepsThePodRestricted() {
    PodSpec spec =
        spec(
            model()
                .placement(GPU_POOL)
                .replicaSpread(Optional.of(new ReplicaSpread(SELECTOR)))
                .imagePullSecrets(List.of("registry")));

    assertThat(RestrictedPodSecurity.violations(spec)).isEmpty();
  }
}
