package io.modelops.operator.pod;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.modelops.operator.config.WorkloadStorage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The main container's requests and limits, exactly as the caller resolved them (from a
 * ResourceBundle: requests = limits for cpu, memory and GPU; otherwise the memory settings). Keys
 * are Kubernetes resource names: {@code cpu}, {@code memory}, {@code nvidia.com/gpu}, ….
 *
 * @param requests resource name to requested quantity
 * @param limits resource name to limit
 */
public record ComputeResources(Map<String, Quantity> requests, Map<String, Quantity> limits) {
  static final String EPHEMERAL_STORAGE = "ephemeral-storage";

  public ComputeResources {
    requests = sortedCopy(requests, "requests");
    limits = sortedCopy(limits, "limits");
  }

  /** Resource name to requested quantity, in name order; copies, since Quantity is mutable. */
  @Override
  public Map<String, Quantity> requests() {
    return Collections.unmodifiableMap(freshCopy(requests));
  }

  /** Resource name to limit, in name order; copies, since Quantity is mutable. */
  @Override
  public Map<String, Quantity> limits() {
    return Collections.unmodifiableMap(freshCopy(limits));
  }

  /** No requests and no limits. */
  public static ComputeResources none() {
    return new ComputeResources(Map.of(), Map.of());
  }

  /** The same quantity as request and limit for each resource, as a ResourceBundle applies. */
  public static ComputeResources requestsEqualLimits(Map<String, Quantity> quantities) {
    return new ComputeResources(quantities, quantities);
  }

  /**
   * These resources with the platform's ephemeral-storage request and limit where they set none
   * (ResourceBundles say nothing about local disk), so no container can fill its node.
   */
  ComputeResources withDefaultEphemeralStorage(WorkloadStorage storage) {
    Map<String, Quantity> withRequests = new TreeMap<>(requests);
    Map<String, Quantity> withLimits = new TreeMap<>(limits);
    withRequests.putIfAbsent(EPHEMERAL_STORAGE, new Quantity(storage.request()));
    withLimits.putIfAbsent(EPHEMERAL_STORAGE, new Quantity(storage.limit()));
    return new ComputeResources(withRequests, withLimits);
  }

  /** Only the entries for the given resource names. */
  ComputeResources only(Set<String> resourceNames) {
    Map<String, Quantity> keptRequests = new TreeMap<>(requests);
    Map<String, Quantity> keptLimits = new TreeMap<>(limits);
    keptRequests.keySet().retainAll(resourceNames);
    keptLimits.keySet().retainAll(resourceNames);
    return new ComputeResources(keptRequests, keptLimits);
  }

  /** The container field, with fresh quantities in resource-name order; empty maps omitted. */
  ResourceRequirements requirements() {
    ResourceRequirementsBuilder builder = new ResourceRequirementsBuilder();
    if (!requests.isEmpty()) {
      builder.withRequests(freshCopy(requests));
    }
    if (!limits.isEmpty()) {
      builder.withLimits(freshCopy(limits));
    }
    return builder.build();
  }

  private static Map<String, Quantity> freshCopy(Map<String, Quantity> sorted) {
    Map<String, Quantity> copy = new LinkedHashMap<>();
    sorted.forEach((name, quantity) -> copy.put(name, copyOf(quantity)));
    return copy;
  }

  private static SortedMap<String, Quantity> sortedCopy(Map<String, Quantity> map, String what) {
    Objects.requireNonNull(map, what);
    SortedMap<String, Quantity> copy = new TreeMap<>();
    // Quantity is mutable; copying keeps this record immune to later changes by the caller.
    map.forEach(
        (name, quantity) ->
            copy.put(
                InputChecks.requireText(name, "resource name"),
                copyOf(Objects.requireNonNull(quantity, what + " of " + name))));
    return Collections.unmodifiableSortedMap(copy);
  }

  static Quantity copyOf(Quantity quantity) {
    return new Quantity(quantity.getAmount(), quantity.getFormat());
  }
}
