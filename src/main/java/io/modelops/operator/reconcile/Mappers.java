package io.modelops.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event-source wiring the reconcilers share: indexers and secondary-to-primary mappers that
 * follow a reference by name in the same namespace, null-safe.
 */
public final class Mappers {
  private Mappers() {}

  /** The key of an index over {@code namespace/name} references. */
  public static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  /** The key of {@code resource} itself in an index built by {@link #namespacedIndexer}. */
  public static String key(HasMetadata resource) {
    return key(resource.getMetadata().getNamespace(), resource.getMetadata().getName());
  }

  /** An indexer keyed by the name a resource refers to in its own namespace. */
  public static <T extends HasMetadata> Function<T, List<String>> namespacedIndexer(
      Function<T, Optional<String>> reference) {
    return r ->
        reference.apply(r).map(name -> key(r.getMetadata().getNamespace(), name)).stream().toList();
  }

  /** An indexer keyed by a cluster-scoped name a resource refers to. */
  public static <T extends HasMetadata> Function<T, List<String>> clusterIndexer(
      Function<T, Optional<String>> reference) {
    return r -> reference.apply(r).stream().toList();
  }

  /** Maps a secondary to the primary it names, in the secondary's namespace. */
  public static <T extends HasMetadata> SecondaryToPrimaryMapper<T> toReferenced(
      Function<T, Optional<String>> reference) {
    return r ->
        reference
            .apply(r)
            .map(name -> Set.of(new ResourceID(name, r.getMetadata().getNamespace())))
            .orElse(Set.of());
  }

  /** Maps a secondary to every primary whose index entry {@code key(secondary)} matches. */
  public static <T extends HasMetadata, P extends HasMetadata>
      SecondaryToPrimaryMapper<T> fromIndex(
          Function<String, List<P>> byKey, Function<T, String> key) {
    return r ->
        byKey.apply(key.apply(r)).stream()
            .map(ResourceID::fromResource)
            .collect(Collectors.toSet());
  }
}
