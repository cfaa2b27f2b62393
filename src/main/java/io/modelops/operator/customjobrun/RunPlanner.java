package io.modelops.operator.customjobrun;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.common.JobResources;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjob.CustomJobSpec;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.executionenvironment.EnvironmentResolution;
import io.modelops.operator.resourcebundle.BundleChoice;
import io.modelops.operator.resourcebundle.BundleChoice.Bundle;
import io.modelops.operator.status.Problem;
import io.modelops.operator.workload.NamespaceLookups;
import io.modelops.operator.workload.Names;
import io.modelops.operator.workload.WireNames;
import io.modelops.operator.pod.ComputeResources;
import io.modelops.operator.pod.ConfigMapMount;
import io.modelops.operator.pod.OperatorPodSettings;
import io.modelops.operator.pod.PodAssembly;
import io.modelops.operator.pod.WorkerConfig;
import io.modelops.operator.pod.WorkloadInputs;
import io.modelops.operator.workload.PodInputs;
import io.modelops.operator.workload.WorkloadReferences;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a CustomJobRun and its CustomJob into the run's Job (and ConfigMap), through the same
 * pod assembly as served models: the job's environment, code and entry point; runtime
 * parameters with the run's values overriding the job's; resources from the bundle or {@code
 * {cpu, memory}} (requests = limits); {@code activeDeadlineSeconds} from {@code timeoutSeconds}
 * capped by {@code maxCustomJobTimeout}; {@code backoffLimit} from {@code retries}.
 */
public final class RunPlanner {
  static final String USE_CASE = "customJob";
  static final String WORKER_CONFIG = "worker-config.json";
  static final String CUSTOM_METRICS = "custom-metrics.json";
  /** hostedCustomMetric jobs find their metric definitions here, as custom-metrics.json. */
  static final String CUSTOM_METRICS_DIR = "/etc/modelops/custom-metrics";
  /** Resources of a job that names neither a bundle nor cpu/memory, when no default bundle. */
  static final Map<String, Quantity> DEFAULT_RESOURCES =
      Map.of("cpu", new Quantity("1"), "memory", new Quantity("1Gi"));

  private RunPlanner() {}

  /** What planning looks up in the cluster. */
  public record Lookups(Function<String, Optional<ExecutionEnvironment>> environments,
      Map<String, Bundle> bundles, NamespaceLookups namespace,
      Function<String, Optional<CustomModel>> models) {}

  /** The run's Job and ConfigMap, or every problem that stops it. */
  public record Outcome(Optional<Job> job, Optional<ConfigMap> config, List<Problem> problems) {}

  public static Outcome plan(CustomJobRun run, CustomJob job, Lookups lookups,
      OperatorConfig config) {
    CustomJobSpec spec = job.getSpec();
    String namespace = run.getMetadata().getNamespace();
    String runName = run.getMetadata().getName();
    String jobName = job.getMetadata().getName();
    List<Problem> problems = new ArrayList<>();

    var environment = EnvironmentResolution.resolve("CustomJob " + jobName + " spec.environment",
        spec.getEnvironment(), lookups.environments());
    environment.problem().ifPresent(problems::add);
    problems.addAll(WorkloadReferences.checkCode("CustomJob " + jobName + " spec.code",
        spec.getCode(), lookups.namespace(), namespace));
    var parameters = WorkloadReferences.runtimeParameters(spec.getRuntimeParameterDefinitions(),
        lookups.namespace(), namespace,
        WorkloadReferences.values("CustomJob " + jobName + " spec.runtimeParameterValues",
            spec.getRuntimeParameterValues()),
        WorkloadReferences.values("spec.runtimeParameterValues",
            run.getSpec().getRuntimeParameterValues()));
    problems.addAll(parameters.problems());
    Map<String, Quantity> resources = resources(job, lookups.bundles(), problems);

    Map<String, String> env = new LinkedHashMap<>();
    String jobType = spec.getJobType() == null ? "default" : WireNames.of(spec.getJobType());
    env.put("JOB_TYPE", jobType);
    env.put("MODELOPS_JOB", jobName);
    env.put("MODELOPS_RUN", runName);
    if (spec.getSidecarModelRef() != null) {
      String model = spec.getSidecarModelRef().getName();
      Optional<String> endpoint = lookups.models().apply(model)
          .map(m -> m.getStatus() == null ? null : m.getStatus().getEndpoint());
      if (endpoint.isEmpty()) {
        problems.add(Problem.of("ModelNotFound", "CustomJob " + jobName
            + " spec.sidecarModelRef.name: CustomModel \"" + model
            + "\" does not exist or has no endpoint yet in namespace " + namespace));
      } else {
        env.put("MODELOPS_SIDECAR_MODEL", model);
        env.put("MODELOPS_SIDECAR_MODEL_ENDPOINT", endpoint.get());
      }
    }
    if (!problems.isEmpty()) {
      return new Outcome(Optional.empty(), Optional.empty(), List.copyOf(problems));
    }

    String k8sName = RunNames.job(run);
    Map<String, String> labels = RunLabels.run(jobName, runName);
    Map<String, String> data = new LinkedHashMap<>();
    if (spec.getWorkerConfig() != null) {
      data.put(WORKER_CONFIG, Serialization.asJson(spec.getWorkerConfig()));
    }
    if (spec.getCustomMetrics() != null && !spec.getCustomMetrics().isEmpty()) {
      data.put(CUSTOM_METRICS, Serialization.asJson(spec.getCustomMetrics()));
    }
    Optional<ConfigMap> configMap = Optional.empty();
    var inputs = WorkloadInputs.builder("job", environment.resolved().orElseThrow().image(),
            PodInputs.code(spec.getCode()),
            Optional.ofNullable(spec.getEntryPoint()).orElse("run.sh"),
            OperatorPodSettings.from(config))
        .environment(PodInputs.environment(env))
        .runtimeParameters(PodInputs.parameters(parameters.parameters()))
        .resources(ComputeResources.requestsEqualLimits(resources))
        .podLabels(labels)
        .podAnnotations(Map.of(RunLabels.RUN_NAME_ANNOTATION, runName));
    if (!data.isEmpty()) {
      String cmName = RunNames.config(run);
      configMap = Optional.of(new ConfigMapBuilder().withNewMetadata().withName(cmName)
          .withNamespace(namespace).withLabels(labels).endMetadata().withData(data).build());
      if (data.containsKey(WORKER_CONFIG)) {
        inputs.workerConfig(new WorkerConfig(cmName, WORKER_CONFIG));
      }
      if (data.containsKey(CUSTOM_METRICS)) {
        inputs.configMapMounts(List.of(new ConfigMapMount(cmName, CUSTOM_METRICS_DIR)));
      }
    }
    Map<String, String> annotations = Map.of(RunLabels.RUN_NAME_ANNOTATION, runName);
    var pod = PodAssembly.podTemplate(inputs.build());
    long timeout = Math.min(spec.getTimeoutSeconds() == null
        ? config.limits().maxCustomJobTimeout() : spec.getTimeoutSeconds(),
        config.limits().maxCustomJobTimeout());
    Job k8sJob = new JobBuilder()
        .withNewMetadata().withName(k8sName).withNamespace(namespace).withLabels(labels)
        .withAnnotations(annotations).endMetadata()
        .withNewSpec()
        .withBackoffLimit(spec.getRetries() == null ? 0 : spec.getRetries())
        .withActiveDeadlineSeconds(timeout)
        .withTemplate(pod)
        .endSpec()
        .build();
    return new Outcome(Optional.of(k8sJob), configMap, List.of());
  }

  private static Map<String, Quantity> resources(CustomJob job, Map<String, Bundle> bundles,
      List<Problem> problems) {
    JobResources r = job.getSpec().getResources();
    String field = "CustomJob " + job.getMetadata().getName() + " spec.resources";
    if (r != null && r.getResourceBundleRef() != null) {
      // Runs of a job that already ran keep a bundle that was deprecated since.
      Set<String> inUse = job.getStatus() != null && job.getStatus().getLastRun() != null
          ? Set.of(r.getResourceBundleRef().getName()) : Set.of();
      var chosen = BundleChoice.resolve(field + ".resourceBundleRef",
          r.getResourceBundleRef().getName(), USE_CASE, bundles, inUse);
      chosen.problem().ifPresent(problems::add);
      return chosen.resources();
    }
    if (r != null && (r.getCpu() != null || r.getMemory() != null)) {
      Map<String, Quantity> out = new LinkedHashMap<>();
      if (r.getCpu() != null) {
        out.put("cpu", r.getCpu());
      }
      if (r.getMemory() != null) {
        out.put("memory", r.getMemory());
      }
      return out;
    }
    return BundleChoice.defaultFor(USE_CASE, bundles.values()).map(BundleChoice::resources)
        .orElse(DEFAULT_RESOURCES);
  }
}
