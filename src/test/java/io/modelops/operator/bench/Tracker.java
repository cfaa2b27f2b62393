package io.modelops.operator.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Watches one kind in the benchmark's namespace and remembers when the n-th object first met a
 * condition (Ready, Available, exists), from the watch events themselves, not by polling.
 */
final class Tracker<T extends HasMetadata> implements AutoCloseable {
  private final Set<String> matched = ConcurrentHashMap.newKeySet();
  private final Predicate<T> condition;
  private final SharedIndexInformer<T> informer;
  private volatile BiConsumer<T, Long> onUpdate = (o, t) -> {};
  private volatile int target = Integer.MAX_VALUE;
  private volatile long reachedNanos;

  Tracker(Informable<T> source, Predicate<T> condition) {
    this.condition = condition;
    this.informer =
        source.inform(
            new ResourceEventHandler<T>() {
              @Override
              public void onAdd(T obj) {
                seen(obj);
              }

              @Override
              public void onUpdate(T oldObj, T newObj) {
                seen(newObj);
              }

              @Override
              public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                matched.remove(obj.getMetadata().getName());
              }
            },
            0);
  }

  private void seen(T obj) {
    long now = System.nanoTime();
    onUpdate.accept(obj, now);
    if (condition.test(obj)
        && matched.add(obj.getMetadata().getName())
        && matched.size() >= target
        && reachedNanos == 0) {
      reachedNanos = now;
    }
  }

  void onUpdate(BiConsumer<T, Long> listener) {
    this.onUpdate = listener;
  }

  int matched() {
    return matched.size();
  }

  /** Waits until {@code n} objects met the condition; returns when (nanoTime) or -1. */
  long awaitCount(int n, Duration timeout) throws InterruptedException {
    target = n;
    if (matched.size() >= n && reachedNanos == 0) {
      reachedNanos = System.nanoTime();
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (reachedNanos == 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return reachedNanos == 0 ? -1 : reachedNanos;
  }

  @Override
  public void close() {
    informer.close();
  }
}
