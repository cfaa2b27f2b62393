package io.modelops.operator.config;

import io.modelops.operator.api.v1alpha1.common.Formats;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The platform's placement settings that no single ResourceBundle owns.
 *
 * @param gpuResources the extended resource a GPU maker's devices are requested as (keys {@code
 *     nvidia}, {@code amd}, {@code intel}); device plugins name them, and some clusters rename them
 *     (e.g. {@code gpu.intel.com/xe} for newer Intel GPUs)
 * @param imagePullSecrets Secrets every model and job pod names for pulling images, in the pod's
 *     own namespace; the platform keeps one of each name in every tenant namespace (the kubelet
 *     pulls anonymously past a missing one, so they are not looked up)
 * @param requiredHostAntiAffinity requiresHa models get required pod anti-affinity on the node
 *     instead of a spread (at most one replica per node), on every bundle
 */
public record PlacementSettings(
    Map<String, String> gpuResources,
    List<String> imagePullSecrets,
    boolean requiredHostAntiAffinity) {
  /** The device plugins' own resource names. */
  public static final Map<String, String> DEFAULT_GPU_RESOURCES =
      Map.of("nvidia", "nvidia.com/gpu", "amd", "amd.com/gpu", "intel", "gpu.intel.com/i915");

  private static final Pattern RESOURCE_NAME = Pattern.compile(Formats.LABEL_KEY);
  private static final Pattern OBJECT_NAME = Pattern.compile(Formats.OBJECT_NAME);

  public PlacementSettings {
    Map<String, String> merged = new TreeMap<>(DEFAULT_GPU_RESOURCES);
    if (gpuResources != null) {
      gpuResources.forEach(
          (maker, name) -> {
            if (!DEFAULT_GPU_RESOURCES.containsKey(maker)) {
              throw new IllegalArgumentException(
                  "placement.gpuResources: unknown GPU maker \"" + maker + "\"");
            }
            if (name == null || !RESOURCE_NAME.matcher(name).matches() || !name.contains("/")) {
              throw new IllegalArgumentException(
                  "placement.gpuResources." + maker + ": \"" + name + "\" is not a resource name");
            }
            merged.put(maker, name);
          });
    }
    gpuResources = Map.copyOf(merged);
    imagePullSecrets = imagePullSecrets == null ? List.of() : List.copyOf(imagePullSecrets);
    for (String secret : imagePullSecrets) {
      if (!OBJECT_NAME.matcher(Objects.requireNonNull(secret)).matches() || secret.length() > 253) {
        throw new IllegalArgumentException(
            "placement.imagePullSecrets: \"" + secret + "\" is not a Secret name");
      }
    }
  }

  public static PlacementSettings defaults() {
    return new PlacementSettings(null, null, false);
  }

  /** The extended resource of {@code maker}'s GPUs (nvidia when unset). */
  public String gpuResource(String maker) {
    return gpuResources.get(maker == null ? "nvidia" : maker);
  }
}
