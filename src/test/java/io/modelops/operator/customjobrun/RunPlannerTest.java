package io.modelops.operator.customjobrun;

import static io.modelops.operator.customjobrun.RunFixtures.job;
import static io.modelops.operator.customjobrun.RunFixtures.model;
import static io.modelops.operator.customjobrun.RunFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The plan of a run, seen through the objects its dependents build from it. */
class RunPlannerTest {
  static Map<String, String> env(Container c) {
    return c.getEnv().stream()
        .filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }

  @Test
  void hostedCustomMetricJobsGetTheirMetricsAndTheSidecarModelEndpoint() {
    var plan =
        plan(
            job(
                """
        customMetrics: [{name: drift, type: average, directionality: lowerIsBetter}]
        sidecarModelRef: {name: churn}
        timeoutSeconds: 3600
        """),
            Optional.of(model("http://churn.team-a.svc.cluster.local:8080/churn/")));
    var job = RunJob.desired(plan);
    Container c = job.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(env(c))
        .containsEntry("JOB_TYPE", "hostedCustomMetric")
        .containsEntry(
            "MODELOPS_SIDECAR_MODEL_ENDPOINT", "http://churn.team-a.svc.cluster.local:8080/churn/")
        .containsEntry("MLOPS_RUNTIME_PARAM_WINDOW", "{\"type\":\"numeric\",\"payload\":7}");
    assertThat(c.getVolumeMounts())
        .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/etc/modelops/custom-metrics"));
    assertThat(plan.needsConfig()).isTrue();
    assertThat(RunConfig.desired(plan).getData()).containsKey("custom-metrics.json");
    // timeoutSeconds 3600 is capped by the operator's maxCustomJobTimeout of 900.
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(900);
    // No bundle or cpu/memory given: the default bundle for customJob, requests = limits.
    assertThat(c.getResources().getRequests()).containsEntry("cpu", new Quantity("2"));
    assertThat(c.getResources().getLimits())
        .containsEntry("cpu", new Quantity("2"))
        .containsEntry("memory", c.getResources().getRequests().get("memory"));
    // Local disk: the platform's ephemeral-storage default (bundles say nothing about disk).
    assertThat(c.getResources().getRequests())
        .containsEntry("ephemeral-storage", new Quantity("256Mi"));
    assertThat(c.getResources().getLimits())
        .containsEntry("ephemeral-storage", new Quantity("4Gi"));
  }

  @Test
  void decidesNamesRetriesAndTheDeadlineFromTheJob() {
    var plan =
        plan(
            job(
                """
        timeoutSeconds: 600
        retries: 2
        resources: {cpu: "2", memory: 4G}
        """),
            Optional.empty());
    assertThat(plan.jobName()).isEqualTo("metrics-1");
    assertThat(plan.configName()).isEqualTo("metrics-1-config");
    assertThat(plan.backoffLimit()).isEqualTo(2);
    assertThat(plan.activeDeadlineSeconds()).isEqualTo(600);
    assertThat(plan.needsConfig()).isFalse();
    assertThat(plan.pod().resources().limits()).containsEntry("memory", new Quantity("4G"));
    assertThat(plan.pod().environment())
        .extracting(e -> e.name())
        .containsExactly("JOB_TYPE", "MODELOPS_JOB", "MODELOPS_RUN");
  }
}
