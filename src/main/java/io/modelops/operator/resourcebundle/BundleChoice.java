package io.modelops.operator.resourcebundle;

import io.fabric8.kubernetes.api.model.Quantity;
import io.modelops.operator.pod.Placement;
import io.modelops.operator.status.Problem;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a ResourceBundle reference for a use case into container resources (requests = limits
 * for cpu, memory and GPU), refusing a bundle that is missing, not meant for the use case, or
 * deprecated for new users — and finds the default bundle of a use case.
 */
public final class BundleChoice {
  private BundleChoice() {}

  /**
   * What resource resolution needs of a ResourceBundle.
   *
   * @param gpuResource the extended resource its GPUs are requested as (from the operator's setting
   *     for {@code gpuMaker})
   * @param placement where its pods run
   */
  public record Bundle(
      String name,
      Optional<Double> cpuCount,
      Optional<Long> memoryBytes,
      int gpuCount,
      String gpuMaker,
      Set<String> useCases,
      boolean isDefault,
      boolean deprecated,
      String gpuResource,
      Placement placement) {
    /** A bundle without placement whose GPUs have the device plugins' own resource name. */
    public Bundle(
        String name,
        Optional<Double> cpuCount,
        Optional<Long> memoryBytes,
        int gpuCount,
        String gpuMaker,
        Set<String> useCases,
        boolean isDefault,
        boolean deprecated) {
      this(
          name,
          cpuCount,
          memoryBytes,
          gpuCount,
          gpuMaker,
          useCases,
          isDefault,
          deprecated,
          BundleChoice.gpuResource(gpuMaker),
          Placement.none());
    }
  }

  /** Requests and limits from a bundle, or the problem that refuses it. */
  public record Resolved(
      Optional<Bundle> bundle, Map<String, Quantity> resources, Optional<Problem> problem) {}

  /**
   * The device plugin's extended resource name of a GPU maker (nvidia when unset); the operator's
   * {@code placement.gpuResources} setting may name others.
   */
  public static String gpuResource(String maker) {
    return switch (maker == null ? "nvidia" : maker) {
      case "amd" -> "amd.com/gpu";
      case "intel" -> "gpu.intel.com/i915";
      default -> "nvidia.com/gpu";
    };
  }

  /**
   * Resolves {@code field} (e.g. {@code spec.resourceBundleRef}) naming bundle {@code name} for
   * {@code useCase}; {@code inUse} lists bundles the object already runs on, which keep working
   * after being deprecated.
   */
  public static Resolved resolve(
      String field, String name, String useCase, Map<String, Bundle> bundles, Set<String> inUse) {
    Bundle bundle = bundles.get(name);
    if (bundle == null) {
      return refused(
          Problem.of(
              "BundleNotFound", field + ".name: ResourceBundle \"" + name + "\" does not exist"));
    }
    if (!bundle.useCases().contains(useCase)) {
      return refused(
          Problem.of(
              "BundleNotAllowed",
              field
                  + ".name: ResourceBundle \""
                  + name
                  + "\" is not for "
                  + useCase
                  + " (its useCases: "
                  + String.join(", ", bundle.useCases())
                  + ")"));
    }
    if (bundle.deprecated() && !inUse.contains(name)) {
      return refused(
          Problem.of(
              "BundleDeprecated",
              field
                  + ".name: ResourceBundle \""
                  + name
                  + "\" is deprecated and takes no new users"));
    }
    return new Resolved(Optional.of(bundle), resources(bundle), Optional.empty());
  }

  /** The default bundle of a use case (not deprecated; the first by name if several). */
  public static Optional<Bundle> defaultFor(String useCase, Collection<Bundle> bundles) {
    return bundles.stream()
        .filter(b -> b.isDefault() && !b.deprecated() && b.useCases().contains(useCase))
        .min(Comparator.comparing(Bundle::name));
  }

  /** Requests = limits from a bundle's cpu, memory and GPUs. */
  public static Map<String, Quantity> resources(Bundle bundle) {
    Map<String, Quantity> r = new LinkedHashMap<>();
    bundle.cpuCount().ifPresent(cpu -> r.put("cpu", cpuQuantity(cpu)));
    bundle.memoryBytes().ifPresent(bytes -> r.put("memory", new Quantity(Long.toString(bytes))));
    if (bundle.gpuCount() > 0) {
      r.put(bundle.gpuResource(), new Quantity(Integer.toString(bundle.gpuCount())));
    }
    return r;
  }

  private static Quantity cpuQuantity(double cpu) {
    long millis = Math.round(cpu * 1000);
    return millis % 1000 == 0
        ? new Quantity(Long.toString(millis / 1000))
        : new Quantity(millis + "m");
  }

  private static Resolved refused(Problem problem) {
    return new Resolved(Optional.empty(), Map.of(), Optional.of(problem));
  }
}
