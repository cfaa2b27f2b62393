package io.modelops.operator.custommodel;

import static io.modelops.operator.custommodel.ServingFixtures.deployment;
import static io.modelops.operator.custommodel.ServingFixtures.model;
import static io.modelops.operator.custommodel.ServingFixtures.observed;
import static io.modelops.operator.custommodel.ServingFixtures.pod;
import static io.modelops.operator.custommodel.ServingFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.common.Condition;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModelPhase;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A CustomModel's phase and conditions, one row per branch of {@link ServingStatus}. */
class ServingStatusTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-02-01T00:00:00Z"), ZoneOffset.UTC);

  /** What the reconciler saw: a refusal (no plan) or the plan's inputs. */
  record Seen(
      Optional<Problem> refusal,
      String spec,
      List<Deployment> deployments,
      Optional<String> routed,
      List<Pod> pods) {
    static Seen refused(String reason, List<Deployment> deployments, Optional<String> routed) {
      return new Seen(Optional.of(Problem.of(reason, "why")), "", deployments, routed, List.of());
    }

    static Seen planned(
        String spec, List<Deployment> deployments, Optional<String> routed, List<Pod> pods) {
      return new Seen(Optional.empty(), spec, deployments, routed, pods);
    }
  }

  /** Expected status, reason and message start of Ready, Progressing and Degraded. */
  record Expect(
      CustomModelPhase phase,
      boolean ready,
      String readyReason,
      String readyMessage,
      boolean progressing,
      String progressingReason,
      boolean degraded,
      String degradedReason) {}

  static Stream<Arguments> branches() {
    var v1Serving = List.of(deployment("v1", 1, 1));
    return Stream.of(
        Arguments.of(
            "no valid version yet is a wait",
            Seen.refused(Reasons.NO_VALID_VERSION, List.of(), Optional.empty()),
            new Expect(
                CustomModelPhase.LAUNCHING,
                false,
                "NoValidVersion",
                "why",
                true,
                "NoValidVersion",
                false,
                "NoValidVersion")),
        Arguments.of(
            "a refused spec with nothing served is an error",
            Seen.refused(Reasons.VERSION_NOT_FOUND, List.of(), Optional.empty()),
            new Expect(
                CustomModelPhase.ERRORED,
                false,
                "VersionNotFound",
                "why",
                false,
                "VersionNotFound",
                true,
                "VersionNotFound")),
        Arguments.of(
            "a refused change leaves the served version Ready",
            Seen.refused(Reasons.LIMIT_EXCEEDED, v1Serving, Optional.of("v1")),
            new Expect(
                CustomModelPhase.ACTIVE,
                true,
                "Serving",
                "version v1 keeps serving; why",
                false,
                "LimitExceeded",
                true,
                "LimitExceeded")),
        Arguments.of(
            "no valid version while one serves keeps it Ready",
            Seen.refused(Reasons.NO_VALID_VERSION, v1Serving, Optional.of("v1")),
            new Expect(
                CustomModelPhase.ACTIVE,
                true,
                "Serving",
                "version v1 keeps serving",
                false,
                "NoValidVersion",
                true,
                "NoValidVersion")),
        Arguments.of(
            "serving disabled",
            Seen.planned(
                "serving: {enabled: false}",
                List.of(deployment("v2", 0, 0)),
                Optional.of("v2"),
                List.of()),
            new Expect(
                CustomModelPhase.INACTIVE,
                false,
                "ServingDisabled",
                "serving.enabled is false",
                false,
                "ServingDisabled",
                false,
                "ServingDisabled")),
        Arguments.of(
            "the target is Available and routed to",
            Seen.planned("", List.of(deployment("v2", 1, 1)), Optional.of("v2"), List.of()),
            new Expect(
                CustomModelPhase.ACTIVE,
                true,
                "Serving",
                "version v2 serves 1/1",
                false,
                "RolloutComplete",
                false,
                "Serving")),
        Arguments.of(
            "blue/green: the old version serves while the new one rolls out",
            Seen.planned(
                "",
                List.of(deployment("v1", 1, 1), deployment("v2", 1, 0)),
                Optional.of("v1"),
                List.of()),
            new Expect(
                CustomModelPhase.REPLACING_MODEL,
                true,
                "Serving",
                "version v1 keeps serving while version v2 is rolling out",
                true,
                "ReplacingModel",
                false,
                "RollingOut")),
        Arguments.of(
            "blue/green with the old version no longer Available",
            Seen.planned(
                "",
                List.of(deployment("v1", 1, 0), deployment("v2", 1, 0)),
                Optional.of("v1"),
                List.of()),
            new Expect(
                CustomModelPhase.LAUNCHING,
                false,
                "Launching",
                "version v2 is rolling out (0/1 available)",
                true,
                "RollingOut",
                false,
                "RollingOut")),
        Arguments.of(
            "the routed version serves from another Deployment while the target rolls",
            Seen.planned(
                "",
                List.of(renamed(deployment("v2", 1, 1), "churn-v2-old")),
                Optional.of("v2"),
                List.of()),
            new Expect(
                CustomModelPhase.LAUNCHING,
                true,
                "Serving",
                "version v2 serves while its rollout continues",
                true,
                "RollingOut",
                false,
                "RollingOut")),
        Arguments.of(
            "the served version runs short and its pods say why: Ready, Degraded, still active",
            Seen.planned(
                "replicas: 3",
                List.of(deployment("v2", 3, 2)),
                Optional.of("v2"),
                List.of(unschedulable("v2"))),
            new Expect(
                CustomModelPhase.ACTIVE,
                true,
                "Serving",
                "version v2 serves 2/3 replicas",
                true,
                "RollingOut",
                true,
                "Unschedulable")),
        Arguments.of(
            "the served version scales up with nothing wrong: Ready, not Degraded",
            Seen.planned(
                "replicas: 3", List.of(deployment("v2", 3, 1)), Optional.of("v2"), List.of()),
            new Expect(
                CustomModelPhase.ACTIVE,
                true,
                "Serving",
                "version v2 serves 1/3 replicas",
                true,
                "RollingOut",
                false,
                "RollingOut")),
        Arguments.of(
            "first launch, pods starting",
            Seen.planned("", List.of(deployment("v2", 1, 0)), Optional.empty(), List.of()),
            new Expect(
                CustomModelPhase.LAUNCHING,
                false,
                "Launching",
                "version v2 is rolling out (0/1 available)",
                true,
                "RollingOut",
                false,
                "RollingOut")),
        Arguments.of(
            "first launch, the pods report a problem a user can act on",
            Seen.planned(
                "",
                List.of(deployment("v2", 1, 0)),
                Optional.empty(),
                List.of(pod("v2", "ImagePullBackOff"))),
            new Expect(
                CustomModelPhase.ERRORED,
                false,
                "ImagePullBackOff",
                "pod churn-v2-abc container model: cannot pull",
                true,
                "RollingOut",
                true,
                "ImagePullBackOff")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("branches")
  void reports(String row, Seen seen, Expect expect) {
    var model = model(seen.spec());
    var observed =
        observed(List.of(version("v1", 1), version("v2", 2)), seen.deployments(), seen.routed());
    CustomModelValidator.Validation validation;
    Optional<ServingPlan> plan;
    Optional<String> served;
    if (seen.refusal().isPresent()) {
      validation =
          new CustomModelValidator.Validation(
              Optional.empty(),
              List.of(seen.refusal().get()),
              Optional.of("v2"),
              Optional.of("v2"));
      plan = Optional.empty();
      served = seen.routed();
    } else {
      validation = CustomModelValidator.validate(model, observed, ServingFixtures.CONFIG);
      plan =
          Optional.of(
              ServingPlanner.plan(
                  model, validation.valid().orElseThrow(), observed, ServingFixtures.CONFIG));
      served = plan.map(ServingPlan::routeTo);
    }

    var status =
        ServingStatus.compute(
            model, validation, plan, seen.deployments(), seen.pods(), served, CLOCK);

    assertThat(status.getPhase()).isEqualTo(expect.phase());
    assertThat(status.getLatestVersion()).isEqualTo("v2");
    assertThat(status.getObservedGeneration()).isEqualTo(1L);
    Condition ready = condition(status.getConditions(), Conditions.READY);
    assertThat(ready.getStatus()).isEqualTo(of(expect.ready()));
    assertThat(ready.getReason()).isEqualTo(expect.readyReason());
    assertThat(ready.getMessage()).startsWith(expect.readyMessage());
    Condition progressing = condition(status.getConditions(), Conditions.PROGRESSING);
    assertThat(progressing.getStatus()).isEqualTo(of(expect.progressing()));
    assertThat(progressing.getReason()).isEqualTo(expect.progressingReason());
    Condition degraded = condition(status.getConditions(), Conditions.DEGRADED);
    assertThat(degraded.getStatus()).isEqualTo(of(expect.degraded()));
    assertThat(degraded.getReason()).isEqualTo(expect.degradedReason());
    plan.ifPresent(p -> assertThat(status.getEndpoint()).isEqualTo(p.endpoint()));
  }

  @Test
  void theCutOverPassSaysTheNewVersionServesAndWhichDeploymentGoesNext() {
    var model = model("");
    var deployments = List.of(deployment("v1", 1, 1), deployment("v2", 1, 1));
    var observed =
        observed(List.of(version("v1", 1), version("v2", 2)), deployments, Optional.of("v1"));
    var validation = CustomModelValidator.validate(model, observed, ServingFixtures.CONFIG);
    var plan =
        ServingPlanner.plan(
            model, validation.valid().orElseThrow(), observed, ServingFixtures.CONFIG);
    assertThat(plan.cutsOver()).isTrue();

    var status =
        ServingStatus.compute(
            model,
            validation,
            Optional.of(plan),
            deployments,
            List.of(),
            Optional.of(plan.routeTo()),
            CLOCK);

    assertThat(status.getPhase()).isEqualTo(CustomModelPhase.REPLACING_MODEL);
    assertThat(status.getActiveVersion()).isEqualTo("v2");
    Condition ready = condition(status.getConditions(), Conditions.READY);
    assertThat(ready.getStatus()).isEqualTo(ConditionStatus.TRUE);
    assertThat(ready.getMessage())
        .isEqualTo("version v2 serves 1/1 replicas at " + plan.endpoint());
    Condition progressing = condition(status.getConditions(), Conditions.PROGRESSING);
    assertThat(progressing.getStatus()).isEqualTo(ConditionStatus.TRUE);
    assertThat(progressing.getReason()).isEqualTo("ReplacingModel");
    assertThat(progressing.getMessage())
        .isEqualTo("version v2 took over from v1; the Deployment of v1 is removed next");
    assertThat(condition(status.getConditions(), Conditions.DEGRADED).getStatus())
        .isEqualTo(ConditionStatus.FALSE);
  }

  private static Deployment renamed(Deployment d, String name) {
    return new DeploymentBuilder(d).editMetadata().withName(name).endMetadata().build();
  }

  private static ConditionStatus of(boolean value) {
    return value ? ConditionStatus.TRUE : ConditionStatus.FALSE;
  }

  private static Condition condition(List<Condition> conditions, String type) {
    return Conditions.find(conditions, type).orElseThrow();
  }

  @Test
  void degradedNamesHowManyReplicasServeAndWhyTheRestDoNotThenClearsWhenHealed() {
    var model = model("replicas: 3");
    var short1 = List.of(deployment("v2", 3, 2));
    var observed = observed(List.of(version("v1", 1), version("v2", 2)), short1, Optional.of("v2"));
    var validation = CustomModelValidator.validate(model, observed, ServingFixtures.CONFIG);
    var plan =
        ServingPlanner.plan(
            model, validation.valid().orElseThrow(), observed, ServingFixtures.CONFIG);

    var status =
        ServingStatus.compute(
            model,
            validation,
            Optional.of(plan),
            short1,
            List.of(unschedulable("v2")),
            Optional.of("v2"),
            CLOCK);

    assertThat(condition(status.getConditions(), Conditions.DEGRADED).getMessage())
        .isEqualTo(
            "2 of 3 replicas available: pod churn-v2-abc cannot be scheduled: 0/2 nodes are"
                + " available: 2 node(s) didn't match pod anti-affinity rules.");
    assertThat(status.getReadyReplicas()).isEqualTo(2);

    model.setStatus(status);
    var healed = List.of(deployment("v2", 3, 3));
    var healedObserved =
        observed(List.of(version("v1", 1), version("v2", 2)), healed, Optional.of("v2"));
    var again =
        ServingStatus.compute(
            model,
            validation,
            Optional.of(
                ServingPlanner.plan(
                    model,
                    validation.valid().orElseThrow(),
                    healedObserved,
                    ServingFixtures.CONFIG)),
            healed,
            List.of(),
            Optional.of("v2"),
            CLOCK);
    Condition degraded = condition(again.getConditions(), Conditions.DEGRADED);
    assertThat(degraded.getStatus()).isEqualTo(ConditionStatus.FALSE);
    assertThat(degraded.getReason()).isEqualTo(Reasons.SERVING);
    assertThat(degraded.getMessage()).doesNotContain("Unschedulable", "cannot be scheduled");
  }

  /** A pod of {@code version} the scheduler could not place. */
  static Pod unschedulable(String version) {
    return Serialization.unmarshal(
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: churn-%s-abc
          labels: {modelops.io/version: %s}
        status:
          phase: Pending
          conditions:
            - type: PodScheduled
              status: "False"
              reason: Unschedulable
              message: "0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules."
        """
            .formatted(version, version),
        Pod.class);
  }
}
