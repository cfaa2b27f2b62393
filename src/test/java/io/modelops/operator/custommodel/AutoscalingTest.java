package io.modelops.operator.custommodel;

import static io.modelops.operator.custommodel.ServingFixtures.deployment;
import static io.modelops.operator.custommodel.ServingFixtures.model;
import static io.modelops.operator.custommodel.ServingFixtures.observed;
import static io.modelops.operator.custommodel.ServingFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.config.OperatorLimits;
import io.modelops.operator.naming.ModelLabels;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Autoscaling decisions without a cluster: the autoscaler's bounds and target, who owns the target
 * Deployment's replicas, where a new version starts, and the refusals.
 */
class AutoscalingTest {
  static final String AUTOSCALED = "autoscaling: {minReplicas: 2, maxReplicas: 5}";

  @Test
  void anAutoscaledModelGetsAnAutoscalerOnTheServedDeploymentWithDefaultCpuMetric() {
    var plan =
        ServingFixtures.plan(
            model(AUTOSCALED),
            observed(
                List.of(version("v2", 2)), List.of(deployment("v2", 4, 4)), Optional.of("v2")));

    var hpa = ServingAutoscaler.autoscaler(model(AUTOSCALED), plan);
    assertThat(hpa.getMetadata().getName()).isEqualTo("churn");
    assertThat(hpa.getMetadata().getLabels())
        .containsEntry(ModelLabels.MANAGED_BY, "modelops-operator");
    assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("v2");
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(5);
    assertThat(hpa.getSpec().getMetrics())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getType()).isEqualTo("Resource");
              assertThat(m.getResource().getName()).isEqualTo("cpu");
              assertThat(m.getResource().getTarget().getAverageUtilization()).isEqualTo(80);
            });
    // The autoscaler chose 4: that is what is wanted now, and the operator does not apply it.
    assertThat(plan.replicas()).isEqualTo(4);
    assertThat(plan.scaling().handedOver()).isTrue();
    Deployment d = ServingDeployments.deployment(model(AUTOSCALED), plan);
    assertThat(d.getSpec().getReplicas()).isNull();
    assertThat(d.getMetadata().getAnnotations())
        .containsEntry(ModelLabels.AUTOSCALING_MIN_ANNOTATION, "2");
  }

  @Test
  void metricsAreTranslatedToTheAutoscalingV2Shape() {
    String spec =
        """
        autoscaling:
          maxReplicas: 3
          metrics:
            - {type: Resource, resource: {name: memory, target: {type: AverageValue, averageValue: 1Gi}}}
            - {type: Pods, pods: {metric: {name: requests_per_second}, target: {type: AverageValue, averageValue: "10"}}}
        """;
    var plan =
        ServingFixtures.plan(
            model(spec), observed(List.of(version("v2", 2)), List.of(), Optional.empty()));
    var hpa = ServingAutoscaler.autoscaler(model(spec), plan);
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(1);
    assertThat(hpa.getSpec().getMetrics()).hasSize(2);
    assertThat(hpa.getSpec().getMetrics().get(0).getResource().getName()).isEqualTo("memory");
    assertThat(hpa.getSpec().getMetrics().get(0).getResource().getTarget().getAverageValue())
        .isEqualTo(new Quantity("1Gi"));
    assertThat(hpa.getSpec().getMetrics().get(1).getPods().getMetric().getName())
        .isEqualTo("requests_per_second");
  }

  @Test
  void aFirstDeploymentIsCreatedWithTheMinimumAndHandedOverOnceItExists() {
    var plan =
        ServingFixtures.plan(
            model(AUTOSCALED), observed(List.of(version("v2", 2)), List.of(), Optional.empty()));
    assertThat(plan.scaling().handedOver()).isFalse();
    assertThat(ServingDeployments.deployment(model(AUTOSCALED), plan).getSpec().getReplicas())
        .isEqualTo(2);
    assertThat(
            ServingDeployments.deployment(model(AUTOSCALED), plan).getMetadata().getAnnotations())
        .doesNotContainKey(ModelLabels.AUTOSCALING_MIN_ANNOTATION);
  }

  @Test
  void aNewVersionStartsAtTheServedCountAndTheAutoscalerMovesWhenTheSwitchCompletes() {
    // v3 is rolling out while v2 serves at the 4 replicas the autoscaler chose.
    var during =
        ServingFixtures.plan(
            model(AUTOSCALED),
            observed(
                List.of(version("v2", 2), version("v3", 3)),
                List.of(autoscaled(deployment("v2", 4, 4), 2), deployment("v3", 4, 1)),
                Optional.of("v2")));
    assertThat(during.target()).isEqualTo("v3");
    assertThat(during.replicas()).isEqualTo(4);
    assertThat(during.scaling().handedOver()).isFalse();
    assertThat(during.scaling().autoscaler().orElseThrow().scaleTarget()).isEqualTo("v2");
    assertThat(ServingDeployments.deployment(model(AUTOSCALED), during).getSpec().getReplicas())
        .isEqualTo(4);

    // v3 is Available: the Service moves, and so does the autoscaler.
    var after =
        ServingFixtures.plan(
            model(AUTOSCALED),
            observed(
                List.of(version("v2", 2), version("v3", 3)),
                List.of(autoscaled(deployment("v2", 4, 4), 2), deployment("v3", 4, 4)),
                Optional.of("v2")));
    assertThat(after.routeTo()).isEqualTo("v3");
    assertThat(after.scaling().autoscaler().orElseThrow().scaleTarget()).isEqualTo("v3");
    assertThat(after.scaling().handedOver()).isTrue();
    assertThat(ServingDeployments.deployment(model(AUTOSCALED), after).getSpec().getReplicas())
        .isNull();
  }

  @Test
  void theServedCountIsKeptWithinTheBounds() {
    var plan =
        ServingFixtures.plan(
            model(AUTOSCALED),
            observed(
                List.of(version("v2", 2)), List.of(deployment("v2", 7, 7)), Optional.of("v2")));
    assertThat(plan.replicas()).isEqualTo(5);
  }

  @Test
  void disablingServingRemovesTheAutoscalerAndScalesToZero() {
    String spec = AUTOSCALED + "\nserving: {enabled: false}";
    var plan =
        ServingFixtures.plan(
            model(spec),
            observed(
                List.of(version("v2", 2)), List.of(deployment("v2", 3, 3)), Optional.of("v2")));
    assertThat(plan.scaling().autoscaler()).isEmpty();
    assertThat(ServingDeployments.deployment(model(spec), plan).getSpec().getReplicas()).isZero();
  }

  @Test
  void aVersionsFixedReplicasOverrideTheModelsAutoscalingAndTheOtherWayRound() {
    var fixed =
        ServingFixtures.plan(
            model(AUTOSCALED),
            observed(List.of(version("v2", 2, "replicas: 3")), List.of(), Optional.empty()));
    assertThat(fixed.scaling().autoscaler()).isEmpty();
    assertThat(fixed.replicas()).isEqualTo(3);

    var scaled =
        ServingFixtures.plan(
            model("replicas: 3"),
            observed(
                List.of(version("v2", 2, "autoscaling: {maxReplicas: 4}")),
                List.of(),
                Optional.empty()));
    assertThat(scaled.scaling().autoscaler().orElseThrow().maxReplicas()).isEqualTo(4);
  }

  @Test
  void anAutoscaledDeploymentIsAvailableAtItsMinimumWhileMorePodsStart() {
    Deployment scaledUp = autoscaled(deployment("v2", 4, 2), 2);
    assertThat(ServingPlanner.isAvailable(scaledUp)).isTrue();
    assertThat(ServingPlanner.isAvailable(autoscaled(deployment("v2", 4, 1), 2))).isFalse();
    assertThat(ServingPlanner.isAvailable(deployment("v2", 4, 2))).isFalse();
  }

  @Test
  void maxReplicasOverTheOperatorLimitIsRefusedNamingTheField() {
    var config = withMaxReplicas(3);
    var validation =
        CustomModelValidator.validate(
            model(AUTOSCALED),
            observed(List.of(version("v2", 2)), List.of(), Optional.empty()),
            config);
    assertThat(validation.valid()).isEmpty();
    assertThat(validation.problems())
        .extracting(Problem::reason, Problem::message)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                Reasons.LIMIT_EXCEEDED,
                "spec.autoscaling.maxReplicas 5 exceeds the operator limit"
                    + " maxCustomModelReplicasPerDeployment=3"));
  }

  @Test
  void requiresHaOnTheModelWithAVersionsAutoscalingFromOneIsRefused() {
    var validation =
        CustomModelValidator.validate(
            model("requiresHa: true"),
            observed(
                List.of(version("v2", 2, "autoscaling: {minReplicas: 1, maxReplicas: 3}")),
                List.of(),
                Optional.empty()),
            ServingFixtures.CONFIG);
    assertThat(validation.problems())
        .extracting(Problem::reason, Problem::message)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                Reasons.HIGH_AVAILABILITY_NEEDS_REPLICAS,
                "requiresHa needs at least 2 replicas but version spec.autoscaling.minReplicas"
                    + " is 1"));
  }

  @Test
  void aMinimumAboveTheMaximumThatNoSchemaSawIsRefused() {
    var validation =
        CustomModelValidator.validate(
            model("requiresHa: true"),
            observed(
                List.of(version("v2", 2, "autoscaling: {maxReplicas: 1}")),
                List.of(),
                Optional.empty()),
            ServingFixtures.CONFIG);
    assertThat(validation.problems())
        .extracting(Problem::reason, Problem::message)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                Reasons.INVALID_SPEC,
                "version spec.autoscaling.minReplicas 2 is greater than maxReplicas 1"));
  }

  @Test
  void theOperatorsApplyOwnsReplicasUntilHandedOver() {
    Deployment d = deployment("v2", 2, 2);
    d.getMetadata()
        .setManagedFields(
            List.of(
                new ManagedFieldsEntryBuilder()
                    .withManager("custommodel")
                    .withOperation("Apply")
                    .withFieldsV1(fields(Map.of("f:spec", Map.of("f:replicas", Map.of()))))
                    .build(),
                new ManagedFieldsEntryBuilder()
                    .withManager("kube-controller-manager")
                    .withOperation("Update")
                    .withFieldsV1(fields(Map.of("f:status", Map.of())))
                    .build()));
    assertThat(ReplicasHandover.appliedReplicas(d, "custommodel")).isTrue();
    assertThat(ReplicasHandover.appliedReplicas(d, "someone-else")).isFalse();
    d.getMetadata()
        .setManagedFields(
            List.of(
                new ManagedFieldsEntryBuilder()
                    .withManager("custommodel")
                    .withOperation("Apply")
                    .withFieldsV1(fields(Map.of("f:spec", Map.of("f:template", Map.of()))))
                    .build()));
    assertThat(ReplicasHandover.appliedReplicas(d, "custommodel")).isFalse();
  }

  @Test
  void anAutoscaledModelScaledUpIsActiveAndReadyWhileTheNewPodsStart() {
    var model = model(AUTOSCALED);
    List<Deployment> deployments = List.of(autoscaled(deployment("v2", 4, 2), 2));
    var observed = observed(List.of(version("v2", 2)), deployments, Optional.of("v2"));
    var validation = CustomModelValidator.validate(model, observed, ServingFixtures.CONFIG);
    var plan =
        ServingPlanner.plan(
            model, validation.valid().orElseThrow(), observed, ServingFixtures.CONFIG);

    var status =
        ServingStatus.compute(
            model,
            validation,
            Optional.of(plan),
            deployments,
            List.of(),
            Optional.of(plan.routeTo()),
            java.time.Clock.systemUTC());

    assertThat(status.getPhase().name()).isEqualTo("ACTIVE");
    assertThat(status.getReplicas()).isEqualTo(4);
    assertThat(status.getCurrentReplicas()).isEqualTo(4);
    assertThat(status.getReadyReplicas()).isEqualTo(2);
    assertThat(status.getSelector()).isEqualTo("modelops.io/model=churn,modelops.io/version=v2");
    assertThat(status.getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Ready");
              assertThat(c.getStatus().name()).isEqualTo("TRUE");
              assertThat(c.getMessage()).startsWith("version v2 serves 2/4 replicas");
            })
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Progressing");
              assertThat(c.getStatus().name()).isEqualTo("FALSE");
            });
  }

  @Test
  void theSelectorInStatusIsTheServedVersionsPods() {
    assertThat(ScaleStatus.selector(ModelLabels.selector("churn", "v2")))
        .isEqualTo("modelops.io/model=churn,modelops.io/version=v2");
  }

  private static FieldsV1 fields(Map<String, Object> map) {
    FieldsV1 f = new FieldsV1();
    map.forEach(f::setAdditionalProperty);
    return f;
  }

  private static Deployment autoscaled(Deployment d, int min) {
    d.getMetadata()
        .setAnnotations(Map.of(ModelLabels.AUTOSCALING_MIN_ANNOTATION, Integer.toString(min)));
    return d;
  }

  private static OperatorConfig withMaxReplicas(int max) {
    return withMaxReplicas(OperatorConfig.defaults(), max);
  }

  /** {@code base} with maxCustomModelReplicasPerDeployment {@code max}. */
  static OperatorConfig withMaxReplicas(OperatorConfig base, int max) {
    OperatorLimits l = base.limits();
    return new OperatorConfig(
        new OperatorLimits(
            max,
            l.maxCustomModelContainerSize(),
            l.desiredCustomModelContainerSize(),
            l.maxCustomModelTestingParallelUsers(),
            l.maxCustomJobRuns(),
            l.maxCustomJobTimeout()),
        base.platformApi(),
        base.ingressNamespaces(),
        base.gitFetcherImage(),
        base.watchNamespaces(),
        base.leaderElection(),
        base.leaseNamespace(),
        base.endpoints(),
        base.reconcileThreads(),
        base.gitHttpHosts(),
        base.egress(),
        base.ephemeralStorage());
  }
}
