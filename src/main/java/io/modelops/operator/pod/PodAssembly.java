package io.modelops.operator.pod;

import static io.modelops.operator.pod.PodLayout.CODE_DIR;
import static io.modelops.operator.pod.PodLayout.CONFIG_MAP_VOLUME_PREFIX;
import static io.modelops.operator.pod.PodLayout.TMP_DIR;
import static io.modelops.operator.pod.PodLayout.TMP_VOLUME;
import static io.modelops.operator.pod.PodLayout.WORKER_CONFIG_FILE;
import static io.modelops.operator.pod.PodLayout.WORKER_CONFIG_FILE_NAME;
import static io.modelops.operator.pod.PodLayout.WORKER_CONFIG_VOLUME;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the pod of a serving Deployment or a job run from resolved {@link WorkloadInputs}. A pure
 * function: equal inputs give equal pods, with env, volumes and mounts in a stable order, so a
 * dependent resource's desired state compares equal and a reconcile that changes nothing writes
 * nothing.
 *
 * <p>The main container runs the image with command {@code /opt/code/<entryPoint>} (exec'd
 * directly, so the entry point must be executable; working directory {@code /opt/code}). Its
 * environment, in order:
 *
 * <ol>
 *   <li>{@code HOME=/tmp}: the pod's UID has no home, and libraries that cache under $HOME need a
 *       writable one on a read-only root filesystem;
 *   <li>serving only: {@code PORT}, {@code URL_PREFIX};
 *   <li>the caller's literal variables, in the caller's order;
 *   <li>each required metadata value, named by {@link EnvVarNames#forRequiredMetadata};
 *   <li>each runtime parameter as {@code MLOPS_RUNTIME_PARAM_<fieldName>} (see {@link
 *       RuntimeParameterEnv}; credentials only through {@code secretKeyRef}).
 * </ol>
 *
 * Two sources naming one variable are refused with an IllegalArgumentException naming both. Literal
 * values reach the process verbatim (see {@link KubeletExpansion}).
 *
 * <p>The pod meets Pod Security "restricted" (see {@link PodSecurity}): non-root UID 10001, seccomp
 * RuntimeDefault, no privilege escalation, all capabilities dropped, read-only root filesystem with
 * an emptyDir at {@code /tmp} in every container. It mounts no service account token (model code
 * has no business with the Kubernetes API) and disables service links, which would otherwise inject
 * {@code <SERVICE>_SERVICE_HOST}, {@code <SERVICE>_PORT}, … for every Service in the namespace: a
 * Service named "redis" sets {@code REDIS_PORT=tcp://…} and breaks model code reading REDIS_PORT as
 * a number, and the set grows and changes as unrelated Services come and go.
 */
public final class PodAssembly {
  /**
   * Init containers get the main container's cpu, memory and ephemeral-storage, so quotas that
   * demand limits admit them without raising the pod's effective request (the maximum over init
   * containers, not the sum); never GPUs, which a fetcher does not need.
   */
  private static final Set<String> INIT_CONTAINER_RESOURCES =
      Set.of("cpu", "memory", "ephemeral-storage");

  private PodAssembly() {}

  /** The pod template for {@code inputs}. */
  public static PodTemplateSpec podTemplate(WorkloadInputs inputs) {
    ComputeResources resources =
        inputs.resources().withDefaultEphemeralStorage(inputs.operatorSettings().storage());
    CodeMount code =
        CodeMount.of(
            inputs.code(),
            inputs.operatorSettings(),
            resources.only(INIT_CONTAINER_RESOURCES).requirements());
    requireDistinctContainerNames(inputs.containerName(), code.initContainers());
    List<MountedVolume> mounted = mountedVolumes(inputs, code);
    var spec =
        new PodTemplateSpecBuilder()
            .withNewMetadata()
            .withLabels(orderedOrNull(inputs.podLabels()))
            .withAnnotations(orderedOrNull(inputs.podAnnotations()))
            .endMetadata()
            .withNewSpec()
            .withRestartPolicy(inputs.restartPolicy())
            .withAutomountServiceAccountToken(false)
            .withEnableServiceLinks(false)
            .withSecurityContext(PodSecurity.podSecurityContext())
            .withInitContainers(code.initContainers())
            .withContainers(
                mainContainer(
                    inputs, resources, mounted.stream().map(MountedVolume::mount).toList()))
            .withVolumes(mounted.stream().map(MountedVolume::volume).toList());
    return PodPlacement.apply(spec, inputs).endSpec().build();
  }

  private static Container mainContainer(
      WorkloadInputs inputs, ComputeResources resources, List<VolumeMount> mounts) {
    ContainerBuilder container =
        PodSecurity.restrictedContainer(inputs.containerName(), inputs.image())
            .withCommand(KubeletExpansion.verbatim(CODE_DIR + "/" + inputs.entryPoint()))
            .withWorkingDir(CODE_DIR)
            .withEnv(environment(inputs))
            .withResources(resources.requirements())
            .withVolumeMounts(mounts);
    inputs
        .serving()
        .ifPresent(
            serving ->
                container
                    .addNewPort()
                    .withName("http")
                    .withContainerPort(serving.port())
                    .withProtocol("TCP")
                    .endPort()
                    // No liveness probe: a model server busy with a long prediction stops
                    // answering "/" for a while, and liveness would restart a healthy pod under
                    // load; a crashed server already exits and is restarted.
                    .withNewReadinessProbe()
                    .withNewHttpGet()
                    .withPath(serving.readinessPath())
                    .withPort(new IntOrString("http"))
                    .endHttpGet()
                    .withPeriodSeconds(10)
                    .withTimeoutSeconds(5)
                    .withSuccessThreshold(1)
                    .withFailureThreshold(3)
                    .endReadinessProbe());
    return container.build();
  }

  private static List<EnvVar> environment(WorkloadInputs inputs) {
    ContainerEnvironment environment =
        new ContainerEnvironment().literal("HOME", TMP_DIR, "the pod's writable HOME");
    inputs
        .serving()
        .ifPresent(
            serving ->
                environment
                    .literal("PORT", Integer.toString(serving.port()), "the serving port")
                    .literal("URL_PREFIX", serving.urlPrefix(), "the serving URL prefix"));
    for (EnvironmentVariable variable : inputs.environment()) {
      environment.literal(
          variable.name(), variable.value(), "environment variable " + variable.name());
    }
    inputs.requiredMetadata().entrySet().stream()
        .sorted(
            Comparator.comparing(
                    (Map.Entry<String, String> e) -> EnvVarNames.forRequiredMetadata(e.getKey()))
                .thenComparing(Map.Entry::getKey))
        .forEach(
            e ->
                environment.literal(
                    EnvVarNames.forRequiredMetadata(e.getKey()),
                    e.getValue(),
                    "required metadata '" + e.getKey() + "'"));
    RuntimeParameterEnv.export(inputs.runtimeParameters(), environment);
    return environment.variables();
  }

  /** A volume and the main container's mount of it, built together so their names agree. */
  private record MountedVolume(Volume volume, VolumeMount mount) {}

  /** Code, scratch, worker config and further ConfigMaps, in that order. */
  private static List<MountedVolume> mountedVolumes(WorkloadInputs inputs, CodeMount code) {
    List<MountedVolume> mounted = new ArrayList<>();
    mounted.add(new MountedVolume(code.volume(), code.mainMount()));
    mounted.add(
        new MountedVolume(
            new VolumeBuilder()
                .withName(TMP_VOLUME)
                .withNewEmptyDir()
                .withSizeLimit(inputs.operatorSettings().tmpSizeLimit())
                .endEmptyDir()
                .build(),
            PodLayout.tmpMount()));
    inputs.workerConfig().ifPresent(config -> mounted.add(workerConfig(config)));
    List<ConfigMapMount> directories = inputs.configMapMounts();
    for (int i = 0; i < directories.size(); i++) {
      mounted.add(configMapDirectory(CONFIG_MAP_VOLUME_PREFIX + i, directories.get(i)));
    }
    requireSeparateMountPaths(mounted.stream().map(MountedVolume::mount).toList());
    return mounted;
  }

  /** A file mount (subPath) leaves the rest of /etc/modelops to the image. */
  private static MountedVolume workerConfig(WorkerConfig config) {
    return new MountedVolume(
        new VolumeBuilder()
            .withName(WORKER_CONFIG_VOLUME)
            .withNewConfigMap()
            .withName(config.configMapName())
            .addNewItem()
            .withKey(config.key())
            .withPath(WORKER_CONFIG_FILE_NAME)
            .endItem()
            .endConfigMap()
            .build(),
        new VolumeMountBuilder()
            .withName(WORKER_CONFIG_VOLUME)
            .withMountPath(WORKER_CONFIG_FILE)
            .withSubPath(WORKER_CONFIG_FILE_NAME)
            .withReadOnly(true)
            .build());
  }

  private static MountedVolume configMapDirectory(String volumeName, ConfigMapMount directory) {
    return new MountedVolume(
        new VolumeBuilder()
            .withName(volumeName)
            .withNewConfigMap()
            .withName(directory.configMapName())
            .endConfigMap()
            .build(),
        new VolumeMountBuilder()
            .withName(volumeName)
            .withMountPath(directory.mountPath())
            .withReadOnly(true)
            .build());
  }

  private static void requireDistinctContainerNames(String main, List<Container> init) {
    for (Container container : init) {
      if (container.getName().equals(main)) {
        throw new IllegalArgumentException(
            "container name '" + main + "' is taken by the code init container");
      }
    }
  }

  /** A mount inside another one would need a mount point in a read-only volume. */
  private static void requireSeparateMountPaths(List<VolumeMount> mounts) {
    for (int i = 0; i < mounts.size(); i++) {
      for (int j = i + 1; j < mounts.size(); j++) {
        String a = mounts.get(i).getMountPath();
        String b = mounts.get(j).getMountPath();
        if (a.equals(b) || a.startsWith(b + "/") || b.startsWith(a + "/")) {
          throw new IllegalArgumentException("mount paths " + a + " and " + b + " overlap");
        }
      }
    }
  }

  /** The inputs' maps are already sorted; a LinkedHashMap keeps that order when serialized. */
  private static Map<String, String> ordered(Map<String, String> sorted) {
    return new LinkedHashMap<>(sorted);
  }

  /** Omits an empty map rather than writing {@code {}}. */
  private static Map<String, String> orderedOrNull(Map<String, String> sorted) {
    return sorted.isEmpty() ? null : ordered(sorted);
  }
}
