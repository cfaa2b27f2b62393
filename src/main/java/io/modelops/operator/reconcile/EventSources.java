package io.modelops.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.PrimaryToSecondaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;
import io.modelops.operator.cache.LeanCaches;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The informers the run and model-test controllers share in shape: the object a primary names (an
 * index of primaries by that name finds who to wake), the pods of the Jobs they own, the freed
 * slots of a queue, and caches that are only read.
 */
public final class EventSources {
  private EventSources() {}

  /**
   * An informer whose objects are named by primaries ({@code reference}): an event wakes every
   * primary of the object's namespace that names it, found through the primary cache's index {@code
   * index} (added here).
   */
  public static <S extends HasMetadata, P extends HasMetadata> InformerEventSource<S, P> named(
      EventSourceContext<P> context,
      InformerEventSourceConfiguration.Builder<S> configuration,
      String index,
      Function<P, Optional<String>> reference) {
    context.getPrimaryCache().addIndexer(index, Mappers.namespacedIndexer(reference));
    PrimaryToSecondaryMapper<P> named =
        primary -> Mappers.toReferenced(reference).toPrimaryResourceIDs(primary);
    return new InformerEventSource<>(
        configuration
            .withNamespacesInheritedFromController()
            .withSecondaryToPrimaryMapper(
                Mappers.fromIndex(
                    key -> context.getPrimaryCache().byIndex(index, key), Mappers::key))
            .withPrimaryToSecondaryMapper(named)
            .build(),
        context);
  }

  /**
   * The pods of the Jobs a controller owns, selected by {@code labelSelector} and kept lean; a pod
   * wakes the primary it names ({@code owner}) only when a Job controls it.
   */
  public static <P extends HasMetadata> InformerEventSource<Pod, P> jobPods(
      EventSourceContext<P> context,
      Class<P> primary,
      String name,
      String labelSelector,
      Function<Pod, Optional<String>> owner) {
    return new InformerEventSource<>(
        InformerEventSourceConfiguration.from(Pod.class, primary)
            .withName(name)
            .withNamespacesInheritedFromController()
            .withLabelSelector(labelSelector)
            .withItemStore(LeanCaches.runPods())
            .withSecondaryToPrimaryMapper(
                Mappers.toReferenced(
                    (Pod pod) ->
                        Optional.of(pod).filter(LeanCaches::controlledByJob).flatMap(owner)))
            .build(),
        context);
  }

  /**
   * A queue's freed slots: the primaries themselves, kept as {@code lean} copies, wake the waiting
   * primaries of their namespace (index {@code waitingIndex}, added here) when one stops competing
   * (ends, is canceled, refused or deleted). Adds wake nobody.
   */
  public static <P extends HasMetadata> InformerEventSource<P, P> freedSlots(
      EventSourceContext<P> context,
      Class<P> primary,
      String name,
      String waitingIndex,
      Predicate<P> waiting,
      Predicate<P> competes,
      UnaryOperator<P> lean) {
    context
        .getPrimaryCache()
        .addIndexer(
            waitingIndex,
            p -> waiting.test(p) ? List.of(p.getMetadata().getNamespace()) : List.of());
    SecondaryToPrimaryMapper<P> waiters =
        freed ->
            context
                .getPrimaryCache()
                .byIndex(waitingIndex, freed.getMetadata().getNamespace())
                .stream()
                .filter(p -> !p.getMetadata().getName().equals(freed.getMetadata().getName()))
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    return lookupOnly(
        context,
        InformerEventSourceConfiguration.from(primary, primary)
            .withName(name)
            .withNamespacesInheritedFromController()
            .withItemStore(new TransformingItemStore<>(lean))
            .withOnAddFilter(p -> false)
            .withOnUpdateFilter((newer, older) -> competes.test(older) && !competes.test(newer))
            .withOnDeleteFilter((p, unknownState) -> true),
        waiters);
  }

  /**
   * An informer read by lookups only: none of its objects is a primary's secondary resource and its
   * events wake no primary (a primary waiting for one of them rechecks on its own schedule).
   */
  public static <S extends HasMetadata, P extends HasMetadata> InformerEventSource<S, P> lookupOnly(
      EventSourceContext<P> context, InformerEventSourceConfiguration.Builder<S> configuration) {
    return lookupOnly(context, configuration, s -> Set.of());
  }

  private static <S extends HasMetadata, P extends HasMetadata>
      InformerEventSource<S, P> lookupOnly(
          EventSourceContext<P> context,
          InformerEventSourceConfiguration.Builder<S> configuration,
          SecondaryToPrimaryMapper<S> wakes) {
    PrimaryToSecondaryMapper<P> none = p -> Set.of();
    return new InformerEventSource<>(
        configuration
            .withSecondaryToPrimaryMapper(wakes)
            .withPrimaryToSecondaryMapper(none)
            .build(),
        context);
  }
}
