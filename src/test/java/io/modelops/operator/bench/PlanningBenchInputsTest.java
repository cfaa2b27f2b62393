package io.modelops.operator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.custommodel.ServingPlan;
import io.modelops.operator.custommodel.ServingPlanner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PlanningBench} measures what it claims: its inputs produce a plan (not a refusal, an error
 * path that would be cheaper), the steady-state path (the Deployment already Available and routed
 * to), and its baseline and pod benchmarks build exactly the plan's objects.
 */
class PlanningBenchInputsTest {
  PlanningBench.Inputs inputs;
  ServingPlan plan;
  PlanningBench.Planned planned;

  @BeforeEach
  void setUp() {
    inputs = new PlanningBench.Inputs();
    inputs.setUp();
    planned = new PlanningBench().plan(inputs);
    assertThat(planned.validation().problems()).isEmpty();
    assertThat(planned.plan()).isPresent();
    plan = planned.plan().get();
  }

  @Test
  void theInputsProduceAPlanForTheSteadyState() {
    assertThat(inputs.observed.deployments()).hasSize(1).allMatch(ServingPlanner::isAvailable);
    assertThat(inputs.observed.service()).isPresent();
    assertThat(plan.target()).isEqualTo("churn-v3");
    assertThat(plan.routeTo()).isEqualTo("churn-v3");
    assertThat(plan.replacing()).isFalse();
    assertThat(plan.replicas()).isEqualTo(2);
    assertThat(plan.deploymentName()).isEqualTo("churn-v3");
    assertThat(planned.deployment().orElseThrow().getMetadata().getName()).isEqualTo("churn-v3");
    assertThat(plan.kept()).isEmpty();
    assertThat(plan.serving().requiresHa()).isFalse();
    var container =
        planned.deployment().orElseThrow().getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getEnv())
        .extracting(e -> e.getName())
        .contains("MLOPS_RUNTIME_PARAM_THRESHOLD_BOOST", "MLOPS_RUNTIME_PARAM_WAREHOUSE");
    assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
  }

  @Test
  void theBaselineBuildsTheSameObjectsAsThePlan() {
    var deployment = planned.deployment().orElseThrow();
    assertSame(Baseline.deployment(), deployment);
    assertSame(Baseline.service(), planned.service().orElseThrow());
    assertSame(Baseline.networkPolicy(), planned.networkPolicy().orElseThrow());
  }

  @Test
  void thePodTemplateBenchmarkBuildsThePlansPod() {
    var template = planned.deployment().orElseThrow().getSpec().getTemplate();
    assertSame(new PlanningBench().podTemplate(inputs), template);
  }

  /** Equal as JSON (map order aside; a readable difference) and as fabric8 objects. */
  private static void assertSame(Object actual, Object expected) {
    JsonNode a = Serialization.jsonMapper().valueToTree(actual);
    JsonNode e = Serialization.jsonMapper().valueToTree(expected);
    assertThat(a)
        .as("%s%nis not%n%s", Serialization.asYaml(actual), Serialization.asYaml(expected))
        .isEqualTo(e);
    assertThat(actual).isEqualTo(expected);
  }
}
