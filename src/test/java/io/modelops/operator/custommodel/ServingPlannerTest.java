package io.modelops.operator.custommodel;

import static io.modelops.operator.custommodel.ServingFixtures.deployment;
import static io.modelops.operator.custommodel.ServingFixtures.model;
import static io.modelops.operator.custommodel.ServingFixtures.observed;
import static io.modelops.operator.custommodel.ServingFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The planner's decisions, one row per routing branch. */
class ServingPlannerTest {

  /**
   * @param spec extra model spec
   * @param deployments what is observed
   * @param routed the version the Service selects now
   */
  static Stream<Arguments> decisions() {
    return Stream.of(
        Arguments.of(
            "first launch: route to the target, keep nothing else",
            "",
            List.of(),
            Optional.empty(),
            "v2",
            "v2",
            false,
            1,
            Set.of()),
        Arguments.of(
            "steady state: the target serves",
            "",
            List.of(deployment("v2", 1, 1)),
            Optional.of("v2"),
            "v2",
            "v2",
            false,
            1,
            Set.of()),
        Arguments.of(
            "switch, new version not Available: keep routing to the old one",
            "",
            List.of(deployment("v1", 1, 1), deployment("v2", 1, 0)),
            Optional.of("v1"),
            "v2",
            "v1",
            true,
            1,
            Set.of("v1")),
        Arguments.of(
            "switch, new version Available: route to it, old kept until seen moved",
            "",
            List.of(deployment("v1", 1, 1), deployment("v2", 1, 1)),
            Optional.of("v1"),
            "v2",
            "v2",
            true,
            1,
            Set.of("v1")),
        Arguments.of(
            "routed version's Deployment is gone: no switch",
            "",
            List.of(deployment("v2", 1, 0)),
            Optional.of("v1"),
            "v2",
            "v2",
            false,
            1,
            Set.of()),
        Arguments.of(
            "activeVersion pins an older version",
            "activeVersion: v1",
            List.of(deployment("v2", 1, 1)),
            Optional.of("v2"),
            "v1",
            "v2",
            true,
            1,
            Set.of("v2")),
        Arguments.of(
            "serving disabled: 0 replicas, route to the target, keep nothing",
            "serving: {enabled: false}",
            List.of(deployment("v1", 1, 1), deployment("v2", 1, 1)),
            Optional.of("v1"),
            "v2",
            "v2",
            false,
            0,
            Set.of()),
        Arguments.of(
            "replicas from the model",
            "replicas: 3",
            List.of(),
            Optional.empty(),
            "v2",
            "v2",
            false,
            3,
            Set.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisions")
  void decides(
      String row,
      String spec,
      List<Deployment> deployments,
      Optional<String> routed,
      String target,
      String routeTo,
      boolean replacing,
      int replicas,
      Set<String> kept) {
    var model = model(spec);
    var plan =
        ServingFixtures.plan(
            model, observed(List.of(version("v1", 1), version("v2", 2)), deployments, routed));

    assertThat(plan.target()).isEqualTo(target);
    assertThat(plan.routeTo()).isEqualTo(routeTo);
    assertThat(plan.replacing()).isEqualTo(replacing);
    assertThat(plan.replicas()).isEqualTo(replicas);
    assertThat(plan.kept()).isEqualTo(kept);
    assertThat(plan.deploymentName()).isEqualTo(target);
  }

  @Test
  void aDeploymentOfTheTargetVersionUnderAnOldNameServesUntilTheNewOneIsAvailable() {
    var model = model("");
    var versions = List.of(version("v1", 1), version("v2", 2));
    var old = deployment("churn-v2", "v2", 1, 1);

    var starting =
        ServingFixtures.plan(
            model, observed(versions, List.of(old, deployment("v2", 1, 0)), Optional.of("v2")));
    assertThat(starting.deploymentName()).isEqualTo("v2");
    assertThat(starting.kept()).containsExactly("churn-v2");

    var available =
        ServingFixtures.plan(
            model, observed(versions, List.of(old, deployment("v2", 1, 1)), Optional.of("v2")));
    assertThat(available.kept()).isEmpty();
  }

  @Test
  void namesTheModelWideObjectsAndTheEndpoint() {
    var plan =
        ServingFixtures.plan(
            model(""), observed(List.of(version("v2", 2)), List.of(), Optional.empty()));

    assertThat(plan.serviceName()).isEqualTo("churn");
    assertThat(plan.networkPolicyName()).isEqualTo("churn-model");
    assertThat(plan.urlPrefix()).isEqualTo("/churn");
    assertThat(plan.endpoint()).isEqualTo("http://churn.team-a.svc.cluster.local:8080/churn/");
    assertThat(plan.version().environment().image()).isEqualTo("python:3.11");
    assertThat(plan.version().metadata()).containsEntry("MODEL_FAMILY", "gbm");
  }
}
