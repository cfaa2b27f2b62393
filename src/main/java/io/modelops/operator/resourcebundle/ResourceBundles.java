package io.modelops.operator.resourcebundle;

import io.modelops.operator.api.v1alpha1.resourcebundle.ResourceBundle;
import io.modelops.operator.api.v1alpha1.resourcebundle.ResourceBundleSpec;
import io.modelops.operator.config.PlacementSettings;
import io.modelops.operator.naming.WireNames;
import io.modelops.operator.resourcebundle.BundleChoice.Bundle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** ResourceBundle custom resources as {@link BundleChoice} sees them. */
public final class ResourceBundles {
  private ResourceBundles() {}

  /** A bundle with the default GPU resource names. */
  public static Bundle of(ResourceBundle resource) {
    return of(resource, PlacementSettings.defaults());
  }

  /** A bundle whose GPUs are requested under the names of {@code settings}. */
  public static Bundle of(ResourceBundle resource, PlacementSettings settings) {
    ResourceBundleSpec spec = resource.getSpec();
    Set<String> useCases =
        spec.getUseCases() == null
            ? Set.of()
            : spec.getUseCases().stream().map(WireNames::of).collect(Collectors.toSet());
    return new Bundle(
        resource.getMetadata().getName(),
        Optional.ofNullable(spec.getCpuCount()).map(Integer::doubleValue),
        Optional.ofNullable(spec.getMemoryBytes()),
        spec.getGpuCount() == null ? 0 : spec.getGpuCount(),
        WireNames.of(spec.getGpuMaker()),
        useCases,
        Boolean.TRUE.equals(spec.getIsDefault()),
        Boolean.TRUE.equals(spec.getDeprecated()),
        settings.gpuResource(WireNames.of(spec.getGpuMaker())),
        BundlePlacements.of(spec.getPlacement()));
  }

  public static Map<String, Bundle> byName(List<ResourceBundle> resources) {
    return byName(resources, PlacementSettings.defaults());
  }

  public static Map<String, Bundle> byName(
      List<ResourceBundle> resources, PlacementSettings settings) {
    Map<String, Bundle> out = new LinkedHashMap<>();
    resources.stream()
        .filter(r -> r.getSpec() != null)
        .forEach(r -> out.put(r.getMetadata().getName(), of(r, settings)));
    return out;
  }
}
