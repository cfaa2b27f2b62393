package io.modelops.operator.custommodel;

import static io.modelops.operator.custommodel.ServingFixtures.deployment;
import static io.modelops.operator.custommodel.ServingFixtures.model;
import static io.modelops.operator.custommodel.ServingFixtures.observed;
import static io.modelops.operator.custommodel.ServingFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.modelops.operator.naming.ModelLabels;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What each dependent's {@code desired()} builds from the plan. */
class ServingDependentsTest {
  static final ServingPlan STEADY =
      ServingFixtures.plan(
          model(""),
          observed(List.of(version("v2", 2)), List.of(deployment("v2", 1, 1)), Optional.of("v2")));

  @Test
  void theDeploymentRunsTheTargetVersionsPodWithoutEverDroppingBelowItsReplicas() {
    var d =
        ServingDeployments.deployment(
            model("replicas: 2"),
            ServingFixtures.plan(
                model("replicas: 2"),
                observed(List.of(version("v2", 2)), List.of(), Optional.empty())));

    assertThat(d.getMetadata().getName()).isEqualTo("v2");
    assertThat(d.getMetadata().getNamespace()).isEqualTo("team-a");
    assertThat(d.getMetadata().getLabels())
        .containsEntry(ModelLabels.VERSION, "v2")
        .containsEntry(ModelLabels.MANAGED_BY, ModelLabels.OPERATOR);
    assertThat(d.getSpec().getReplicas()).isEqualTo(2);
    assertThat(d.getSpec().getSelector().getMatchLabels())
        .isEqualTo(ModelLabels.selector("churn", "v2"));
    assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable())
        .isEqualTo(new IntOrString(0));
    var pod = d.getSpec().getTemplate();
    assertThat(pod.getMetadata().getLabels())
        .containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels());
    assertThat(pod.getMetadata().getAnnotations())
        .containsEntry(ModelLabels.MODEL_NAME_ANNOTATION, "churn");
    var container = pod.getSpec().getContainers().get(0);
    assertThat(container.getImage()).isEqualTo("python:3.11");
    assertThat(container.getEnv())
        .extracting(EnvVar::getName)
        .contains(
            "PORT",
            "URL_PREFIX",
            "TARGET_TYPE",
            "TARGET_NAME",
            "POSITIVE_CLASS_LABEL",
            "NEGATIVE_CLASS_LABEL",
            "MODELOPS_MODEL",
            "MODELOPS_MODEL_VERSION",
            "MODEL_FAMILY");
    assertThat(container.getEnv())
        .filteredOn(e -> e.getName().equals("MODELOPS_MODEL_VERSION"))
        .extracting(EnvVar::getValue)
        .containsExactly("v2");
    assertThat(pod.getSpec().getAffinity()).isNull();
  }

  @Test
  void theDeploymentNamesItsBundleAndSpreadsHaPodsOverHostsAndZones() {
    var model = model("requiresHa: true\nmaximumMemory: 1000000");
    var d =
        ServingDeployments.deployment(
            model,
            ServingFixtures.plan(
                model, observed(List.of(version("v2", 2)), List.of(), Optional.empty())));

    assertThat(d.getSpec().getReplicas()).isEqualTo(2);
    // A spread, not anti-affinity: more replicas than nodes still schedule.
    assertThat(d.getSpec().getTemplate().getSpec().getAffinity()).isNull();
    assertThat(d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
        .extracting(c -> c.getTopologyKey() + " " + c.getWhenUnsatisfiable())
        .containsExactly(
            "kubernetes.io/hostname DoNotSchedule", "topology.kubernetes.io/zone ScheduleAnyway");
    assertThat(d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
        .allSatisfy(
            c ->
                assertThat(c.getLabelSelector().getMatchLabels())
                    .isEqualTo(d.getSpec().getSelector().getMatchLabels()));
    assertThat(d.getMetadata().getAnnotations()).doesNotContainKey(ModelLabels.BUNDLE_ANNOTATION);
  }

  @Test
  void theServiceSelectsTheVersionThePlanRoutesTo() {
    var plan =
        ServingFixtures.plan(
            model(""),
            observed(
                List.of(version("v1", 1), version("v2", 2)),
                List.of(deployment("v1", 1, 1), deployment("v2", 1, 0)),
                Optional.of("v1")));

    var service = ServingService.service(model(""), plan);

    assertThat(service.getMetadata().getName()).isEqualTo("churn");
    assertThat(service.getSpec().getSelector())
        .isEqualTo(Map.of(ModelLabels.MODEL, "churn", ModelLabels.VERSION, "v1"));
    assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(ServingPlanner.PORT);
    assertThat(service.getSpec().getPorts().get(0).getTargetPort())
        .isEqualTo(new IntOrString("http"));
  }

  @Test
  void theNetworkPolicySelectsAllPodsOfTheModelAndFollowsTheEgressPolicy() {
    var none = ModelNetworkPolicy.networkPolicy(model(""), STEADY);
    var open =
        ModelNetworkPolicy.networkPolicy(
            model("networkEgressPolicy: PUBLIC"),
            ServingFixtures.plan(
                model("networkEgressPolicy: PUBLIC"),
                observed(List.of(version("v2", 2)), List.of(), Optional.empty())));

    assertThat(none.getMetadata().getName()).isEqualTo("churn-model");
    assertThat(none.getSpec().getPodSelector().getMatchLabels())
        .isEqualTo(ModelLabels.selector("churn"));
    assertThat(none.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    assertThat(none.getSpec().getIngress().get(0).getPorts().get(0).getPort())
        .isEqualTo(new IntOrString(ServingPlanner.PORT));
    assertThat(open.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    assertThat(open.getSpec().getEgress().get(1).getTo().get(0).getIpBlock().getExcept())
        .contains("169.254.0.0/16");
  }

  @Test
  void theDisruptionBudgetAllowsOnePodOfTheModelDown() {
    var pdb = ServingDisruptionBudget.disruptionBudget(model(""), STEADY);

    assertThat(pdb.getMetadata().getName()).isEqualTo("churn");
    assertThat(pdb.getSpec().getMaxUnavailable()).isEqualTo(new IntOrString(1));
    assertThat(pdb.getSpec().getSelector().getMatchLabels())
        .isEqualTo(ModelLabels.selector("churn"));
  }

  @Test
  void theDisruptionBudgetNeverBlocksADrainOverUnhealthyPods() {
    var pdb = ServingDisruptionBudget.disruptionBudget(model(""), STEADY);

    assertThat(pdb.getSpec().getUnhealthyPodEvictionPolicy()).isEqualTo("AlwaysAllow");
  }

  @Test
  void everyVariableTheModelPodSetsIsKeptAwayFromRequiredMetadata() {
    // Every optional variable at once (the schema would not take all of them together).
    var model =
        model(
            """
        predictionThreshold: 0.5
        classLabels: [a, b]
        """);
    var pod = ModelPod.template(model, STEADY);
    var set =
        pod.getSpec().getContainers().get(0).getEnv().stream()
            .map(EnvVar::getName)
            .filter(n -> !n.equals("MODEL_FAMILY") && !n.startsWith("MLOPS_"))
            .toList();
    assertThat(
            io.modelops.operator.custommodelversion.CustomModelVersionValidator
                .SERVING_POD_VARIABLES)
        .containsAll(set);
  }
}
