package io.modelops.operator.customjobrun;

import static io.modelops.operator.customjobrun.RunFixtures.job;
import static io.modelops.operator.customjobrun.RunFixtures.model;
import static io.modelops.operator.customjobrun.RunFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.lookup.FixedLookups;
import io.modelops.operator.pod.Placement;
import io.modelops.operator.resourcebundle.BundleChoice.Bundle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  void aRunGetsItsBundlesPlacementAndItsEnvironmentVersionsPullSecrets() {
    Placement gpuPool =
        new Placement(
            Map.of("nvidia.com/gpu.present", "true"),
            List.of(
                new Placement.Toleration(
                    "nvidia.com/gpu", "Exists", "", "NoSchedule", Optional.empty())),
            List.of(),
            List.of(),
            Optional.of("batch"),
            Optional.empty(),
            List.of(),
            false);
    Bundle gpu =
        new Bundle(
            "gpu",
            Optional.of(2.0),
            Optional.of(4294967296L),
            1,
            "nvidia",
            Set.of("customJob"),
            false,
            false,
            "nvidia.com/gpu",
            gpuPool);
    ExecutionEnvironment env =
        Serialization.unmarshal(
            """
            apiVersion: modelops.io/v1alpha1
            kind: ExecutionEnvironment
            metadata: {name: private}
            spec:
              versions: [{label: "1.0", image: "registry.example/py:3", imagePullSecrets: [regcred]}]
            """,
            ExecutionEnvironment.class);
    CustomJob job =
        Serialization.unmarshal(
            """
            apiVersion: modelops.io/v1alpha1
            kind: CustomJob
            metadata: {name: metrics, namespace: team-a}
            spec:
              environment: {name: private}
              code: {configMap: {name: code}}
              resources: {resourceBundleRef: {name: gpu}}
              runtimeParameterDefinitions: [{fieldName: WINDOW, type: numeric, defaultValue: 1}]
            """,
            CustomJob.class);
    var lookups =
        new CustomJobRunValidator.Lookups(
            name -> Optional.of(env),
            Map.of("gpu", gpu),
            FixedLookups.of(
                Map.of("regcred", Set.of(".dockerconfigjson")), Set.of("code"), Set.of()),
            name -> Optional.empty());
    var validation =
        CustomJobRunValidator.validate(
            RunFixtures.run(), Optional.of(job), RunFixtures.CONFIG.egress(), () -> lookups);

    RunPlan plan =
        RunPlanner.plan(
            RunFixtures.run(), job, validation.resolved().orElseThrow(), RunFixtures.CONFIG);

    PodSpec pod = RunJob.desired(plan).getSpec().getTemplate().getSpec();
    assertThat(pod.getNodeSelector()).containsEntry("nvidia.com/gpu.present", "true");
    assertThat(pod.getTolerations()).extracting(t -> t.getKey()).containsExactly("nvidia.com/gpu");
    assertThat(pod.getPriorityClassName()).isEqualTo("batch");
    assertThat(pod.getImagePullSecrets()).extracting(r -> r.getName()).containsExactly("regcred");
    assertThat(pod.getContainers().get(0).getResources().getLimits()).containsKey("nvidia.com/gpu");
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
