package io.modelops.operator.pod;

import static io.modelops.operator.pod.InputChecks.relativePath;
import static io.modelops.operator.pod.InputChecks.requireDnsLabel;
import static io.modelops.operator.pod.InputChecks.requireText;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything pod assembly needs, resolved by the caller: a CustomModel's serving Deployment and a
 * CustomJobRun's Job both describe their pod with one of these. Defaults are resolved here or by
 * the caller, never during assembly; nothing is null.
 *
 * @param containerName the main container's name (a DNS label; not "fetch-code"/"copy-code")
 * @param image the environment version's image (or the direct image)
 * @param code where the code comes from; mounted read-only at {@code /opt/code}
 * @param entryPoint the executable, relative to the code directory, that the container runs
 * @param environment literal variables in the caller's order (target type and name, class labels,
 *     threshold, …)
 * @param runtimeParameters the resolved runtime parameter values
 * @param requiredMetadata fieldName to value; each becomes an environment variable
 * @param resources the main container's requests and limits
 * @param podLabels the pod template's labels (must include any selector's labels)
 * @param podAnnotations the pod template's annotations
 * @param serving present for models (port, probe, restartPolicy Always), empty for jobs
 *     (restartPolicy Never, so a Job's backoffLimit counts failed pods)
 * @param hostAntiAffinity present for HA models that opted into at most one replica per node
 * @param replicaSpread present for HA models that spread over nodes and zones
 * @param placement the resource bundle's placement (node selector, tolerations, affinity, …)
 * @param imagePullSecrets Secrets (by name, in the pod's namespace) the kubelet pulls images with
 * @param workerConfig present for jobs that have a worker configuration
 * @param configMapMounts further read-only ConfigMap directories, in order
 * @param operatorSettings operator-level settings (the git fetcher image)
 */
public record WorkloadInputs(
    String containerName,
    String image,
    CodeOrigin code,
    String entryPoint,
    List<EnvironmentVariable> environment,
    List<RuntimeParameter> runtimeParameters,
    Map<String, String> requiredMetadata,
    ComputeResources resources,
    Map<String, String> podLabels,
    Map<String, String> podAnnotations,
    Optional<ModelServer> serving,
    Optional<HostAntiAffinity> hostAntiAffinity,
    Optional<ReplicaSpread> replicaSpread,
    Placement placement,
    List<String> imagePullSecrets,
    Optional<WorkerConfig> workerConfig,
    List<ConfigMapMount> configMapMounts,
    OperatorPodSettings operatorSettings) {

  public WorkloadInputs {
    requireDnsLabel(containerName, "container name");
    requireText(image, "image");
    Objects.requireNonNull(code, "code");
    requireText(entryPoint, "entryPoint");
    if (!relativePath(entryPoint, "entryPoint").equals(entryPoint)) {
      throw new IllegalArgumentException(
          "entryPoint '" + entryPoint + "' must be a path relative to the code directory");
    }
    environment = List.copyOf(environment);
    runtimeParameters = List.copyOf(runtimeParameters);
    requiredMetadata = sortedCopy(requiredMetadata);
    requiredMetadata.keySet().forEach(field -> requireText(field, "required metadata fieldName"));
    Objects.requireNonNull(resources, "resources");
    podLabels = sortedCopy(podLabels);
    podAnnotations = sortedCopy(podAnnotations);
    Objects.requireNonNull(serving, "serving");
    Objects.requireNonNull(hostAntiAffinity, "hostAntiAffinity");
    Objects.requireNonNull(replicaSpread, "replicaSpread");
    Objects.requireNonNull(placement, "placement");
    imagePullSecrets = List.copyOf(imagePullSecrets);
    Objects.requireNonNull(workerConfig, "workerConfig");
    configMapMounts = List.copyOf(configMapMounts);
    Objects.requireNonNull(operatorSettings, "operatorSettings");
  }

  /**
   * Starts inputs with what every workload has; the rest defaults to empty (no environment, no
   * parameters, no resources, a job rather than a serving pod).
   */
  public static Builder builder(
      String containerName,
      String image,
      CodeOrigin code,
      String entryPoint,
      OperatorPodSettings operatorSettings) {
    return new Builder(containerName, image, code, entryPoint, operatorSettings);
  }

  /** Always for serving pods (a Deployment requires it), Never for job pods. */
  public String restartPolicy() {
    return serving.isPresent() ? "Always" : "Never";
  }

  private static Map<String, String> sortedCopy(Map<String, String> map) {
    Objects.requireNonNull(map);
    map.forEach((k, v) -> Objects.requireNonNull(v, "value of " + k));
    return Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }

  /** Builds {@link WorkloadInputs}; every optional part starts empty. */
  public static final class Builder {
    private String containerName;
    private String image;
    private CodeOrigin code;
    private String entryPoint;
    private OperatorPodSettings operatorSettings;
    private List<EnvironmentVariable> environment = List.of();
    private List<RuntimeParameter> runtimeParameters = List.of();
    private Map<String, String> requiredMetadata = Map.of();
    private ComputeResources resources = ComputeResources.none();
    private Map<String, String> podLabels = Map.of();
    private Map<String, String> podAnnotations = Map.of();
    private Optional<ModelServer> serving = Optional.empty();
    private Optional<HostAntiAffinity> hostAntiAffinity = Optional.empty();
    private Optional<ReplicaSpread> replicaSpread = Optional.empty();
    private Placement placement = Placement.none();
    private List<String> imagePullSecrets = List.of();
    private Optional<WorkerConfig> workerConfig = Optional.empty();
    private List<ConfigMapMount> configMapMounts = List.of();

    private Builder(
        String containerName,
        String image,
        CodeOrigin code,
        String entryPoint,
        OperatorPodSettings operatorSettings) {
      this.containerName = containerName;
      this.image = image;
      this.code = code;
      this.entryPoint = entryPoint;
      this.operatorSettings = operatorSettings;
    }

    public Builder containerName(String containerName) {
      this.containerName = containerName;
      return this;
    }

    public Builder image(String image) {
      this.image = image;
      return this;
    }

    public Builder code(CodeOrigin code) {
      this.code = code;
      return this;
    }

    public Builder entryPoint(String entryPoint) {
      this.entryPoint = entryPoint;
      return this;
    }

    public Builder operatorSettings(OperatorPodSettings operatorSettings) {
      this.operatorSettings = operatorSettings;
      return this;
    }

    public Builder environment(List<EnvironmentVariable> environment) {
      this.environment = environment;
      return this;
    }

    public Builder runtimeParameters(List<RuntimeParameter> runtimeParameters) {
      this.runtimeParameters = runtimeParameters;
      return this;
    }

    public Builder requiredMetadata(Map<String, String> requiredMetadata) {
      this.requiredMetadata = requiredMetadata;
      return this;
    }

    public Builder resources(ComputeResources resources) {
      this.resources = resources;
      return this;
    }

    public Builder podLabels(Map<String, String> podLabels) {
      this.podLabels = podLabels;
      return this;
    }

    public Builder podAnnotations(Map<String, String> podAnnotations) {
      this.podAnnotations = podAnnotations;
      return this;
    }

    public Builder serving(ModelServer serving) {
      return serving(Optional.of(serving));
    }

    public Builder serving(Optional<ModelServer> serving) {
      this.serving = serving;
      return this;
    }

    public Builder hostAntiAffinity(HostAntiAffinity hostAntiAffinity) {
      return hostAntiAffinity(Optional.of(hostAntiAffinity));
    }

    public Builder hostAntiAffinity(Optional<HostAntiAffinity> hostAntiAffinity) {
      this.hostAntiAffinity = hostAntiAffinity;
      return this;
    }

    public Builder replicaSpread(Optional<ReplicaSpread> replicaSpread) {
      this.replicaSpread = replicaSpread;
      return this;
    }

    public Builder placement(Placement placement) {
      this.placement = placement;
      return this;
    }

    public Builder imagePullSecrets(List<String> imagePullSecrets) {
      this.imagePullSecrets = imagePullSecrets;
      return this;
    }

    public Builder workerConfig(WorkerConfig workerConfig) {
      return workerConfig(Optional.of(workerConfig));
    }

    public Builder workerConfig(Optional<WorkerConfig> workerConfig) {
      this.workerConfig = workerConfig;
      return this;
    }

    public Builder configMapMounts(List<ConfigMapMount> configMapMounts) {
      this.configMapMounts = configMapMounts;
      return this;
    }

    public WorkloadInputs build() {
      return new WorkloadInputs(
          containerName,
          image,
          code,
          entryPoint,
          environment,
          runtimeParameters,
          requiredMetadata,
          resources,
          podLabels,
          podAnnotations,
          serving,
          hostAntiAffinity,
          replicaSpread,
          placement,
          imagePullSecrets,
          workerConfig,
          configMapMounts,
          operatorSettings);
    }
  }
}
