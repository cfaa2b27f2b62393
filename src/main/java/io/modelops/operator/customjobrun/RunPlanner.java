package io.modelops.operator.customjobrun;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjob.CustomJobSpec;
import io.modelops.operator.api.v1alpha1.customjob.CustomMetric;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.naming.RunLabels;
import io.modelops.operator.naming.RunNames;
import io.modelops.operator.naming.WireNames;
import io.modelops.operator.pod.ComputeResources;
import io.modelops.operator.pod.ConfigMapMount;
import io.modelops.operator.pod.OperatorPodSettings;
import io.modelops.operator.pod.PodInputs;
import io.modelops.operator.pod.WorkerConfig;
import io.modelops.operator.pod.WorkloadInputs;
import io.modelops.operator.validation.PullSecrets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides how a validated CustomJobRun of a CustomJob runs, as a {@link RunPlan}: the job's image
 * (resolved by {@link CustomJobRunValidator}), code and entry point; runtime parameters with the
 * run's values overriding the job's; resources from the bundle or {@code {cpu, memory}} (requests =
 * limits); {@code activeDeadlineSeconds} from {@code timeoutSeconds} capped by {@code
 * maxCustomJobTimeout}; the bundle's placement and the image pull Secrets, as a model on the same
 * bundle and environment gets them; {@code backoffLimit} from {@code retries}; the worker config
 * and metric definitions mounted from the run's ConfigMap. Pure: no lookups.
 */
public final class RunPlanner {
  static final String WORKER_CONFIG = "worker-config.json";
  static final String CUSTOM_METRICS = "custom-metrics.json";

  /** hostedCustomMetric jobs find their metric definitions here, as custom-metrics.json. */
  static final String CUSTOM_METRICS_DIR = "/etc/modelops/custom-metrics";

  private RunPlanner() {}

  public static RunPlan plan(
      CustomJobRun run,
      CustomJob job,
      CustomJobRunValidator.Resolved resolved,
      OperatorConfig config) {
    CustomJobSpec spec = job.getSpec();
    String runName = run.getMetadata().getName();
    String jobName = job.getMetadata().getName();

    Map<String, String> env = new LinkedHashMap<>();
    env.put("JOB_TYPE", spec.getJobType() == null ? "default" : WireNames.of(spec.getJobType()));
    env.put("MODELOPS_JOB", jobName);
    env.put("MODELOPS_RUN", runName);
    resolved
        .sidecar()
        .ifPresent(
            s -> {
              env.put("MODELOPS_SIDECAR_MODEL", s.model());
              env.put("MODELOPS_SIDECAR_MODEL_ENDPOINT", s.endpoint());
            });

    String configName = RunNames.config(run);
    Optional<JsonNode> workerConfig = resolved.workerConfig();
    List<CustomMetric> metrics = Optional.ofNullable(spec.getCustomMetrics()).orElse(List.of());
    var pod =
        WorkloadInputs.builder(
                "job",
                resolved.image(),
                PodInputs.code(spec.getCode()),
                Optional.ofNullable(spec.getEntryPoint()).orElse("run.sh"),
                OperatorPodSettings.from(config))
            .environment(PodInputs.environment(env))
            .runtimeParameters(PodInputs.parameters(resolved.parameters()))
            .resources(ComputeResources.requestsEqualLimits(resolved.resources()))
            .placement(resolved.placement())
            .imagePullSecrets(PullSecrets.of(resolved.environment(), config))
            .podLabels(RunLabels.run(jobName, runName))
            .podAnnotations(Map.of(RunLabels.RUN_NAME_ANNOTATION, runName));
    workerConfig.ifPresent(w -> pod.workerConfig(new WorkerConfig(configName, WORKER_CONFIG)));
    if (!metrics.isEmpty()) {
      pod.configMapMounts(List.of(new ConfigMapMount(configName, CUSTOM_METRICS_DIR)));
    }
    long limit = config.limits().maxCustomJobTimeout();
    long timeout =
        Math.min(spec.getTimeoutSeconds() == null ? limit : spec.getTimeoutSeconds(), limit);
    return new RunPlan(
        run.getMetadata().getNamespace(),
        jobName,
        runName,
        RunNames.job(run),
        pod.build(),
        spec.getRetries() == null ? 0 : spec.getRetries(),
        timeout,
        configName,
        workerConfig,
        metrics);
  }
}
