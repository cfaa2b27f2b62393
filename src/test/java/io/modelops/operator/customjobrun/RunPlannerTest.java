package io.modelops.operator.customjobrun;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModelStatus;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.config.OperatorLimits;
import io.modelops.operator.resourcebundle.BundleChoice.Bundle;
import io.modelops.operator.status.Problem;
import io.modelops.operator.workload.FixedLookups;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunPlannerTest {
  static final OperatorConfig CONFIG = new OperatorConfig(new OperatorLimits(8,
      OperatorLimits.MAX_CONTAINER_SIZE, OperatorLimits.MIN_CONTAINER_SIZE, 20, 5, 900),
      null, null, null, null, false, null, 0, 0);
  static final Bundle JOBS = new Bundle("jobs", Optional.of(2.0), Optional.of(4294967296L), 0,
      null, Set.of("customJob"), true, false);

  static CustomJobRun run() {
    return Serialization.unmarshal("""
        apiVersion: modelops.io/v1alpha1
        kind: CustomJobRun
        metadata: {name: metrics-1, namespace: team-a}
        spec:
          customJobRef: {name: metrics}
          runtimeParameterValues: [{fieldName: WINDOW, type: numeric, value: 7}]
        """, CustomJobRun.class);
  }

  static CustomJob job(String extra) {
    return Serialization.unmarshal("""
        apiVersion: modelops.io/v1alpha1
        kind: CustomJob
        metadata: {name: metrics, namespace: team-a}
        spec:
          jobType: hostedCustomMetric
          environment: {image: "python:3.11"}
          code: {configMap: {name: code}}
          runtimeParameterDefinitions: [{fieldName: WINDOW, type: numeric, defaultValue: 1}]
          runtimeParameterValues: [{fieldName: WINDOW, type: numeric, value: 3}]
        %s
        """.formatted(extra.indent(2)), CustomJob.class);
  }

  static RunPlanner.Lookups lookups(Optional<CustomModel> model) {
    return new RunPlanner.Lookups(name -> Optional.empty(), Map.of("jobs", JOBS),
        FixedLookups.of(Map.of(), Set.of("code"), Set.of()), name -> model);
  }

  static Map<String, String> env(Container c) {
    return c.getEnv().stream().filter(e -> e.getValue() != null)
        .collect(java.util.stream.Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }

  @Test
  void hostedCustomMetricJobsGetTheirMetricsAndTheSidecarModelEndpoint() {
    CustomModel model = new CustomModel();
    model.setStatus(new CustomModelStatus());
    model.getStatus().setEndpoint("http://churn.team-a.svc.cluster.local:8080/churn/");
    var outcome = RunPlanner.plan(run(), job("""
        customMetrics: [{name: drift, type: average, directionality: lowerIsBetter}]
        sidecarModelRef: {name: churn}
        timeoutSeconds: 3600
        """), lookups(Optional.of(model)), CONFIG);
    assertThat(outcome.problems()).isEmpty();
    var job = outcome.job().orElseThrow();
    Container c = job.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(env(c)).containsEntry("JOB_TYPE", "hostedCustomMetric")
        .containsEntry("MODELOPS_SIDECAR_MODEL_ENDPOINT",
            "http://churn.team-a.svc.cluster.local:8080/churn/")
        .containsEntry("MLOPS_RUNTIME_PARAM_WINDOW", "{\"type\":\"numeric\",\"payload\":7}");
    assertThat(c.getVolumeMounts()).anySatisfy(m ->
        assertThat(m.getMountPath()).isEqualTo("/etc/modelops/custom-metrics"));
    assertThat(outcome.config().orElseThrow().getData()).containsKey("custom-metrics.json");
    // timeoutSeconds 3600 is capped by the operator's maxCustomJobTimeout of 900.
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(900);
    // No bundle or cpu/memory given: the default bundle for customJob, requests = limits.
    assertThat(c.getResources().getRequests()).containsEntry("cpu", new Quantity("2"));
    assertThat(c.getResources().getLimits()).isEqualTo(c.getResources().getRequests());
  }

  @Test
  void aSidecarModelWithoutEndpointIsRefusedByName() {
    var outcome = RunPlanner.plan(run(), job("sidecarModelRef: {name: churn}"),
        lookups(Optional.empty()), CONFIG);
    assertThat(outcome.job()).isEmpty();
    assertThat(outcome.problems()).containsExactly(Problem.of("ModelNotFound", "CustomJob metrics"
        + " spec.sidecarModelRef.name: CustomModel \"churn\" does not exist or has no endpoint"
        + " yet in namespace team-a"));
  }
}
