package io.modelops.operator.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;

/**
 * Informer caches that keep only what the reconcilers read. Every model is held in several caches
 * (the model, its version — each seen by two controllers — its Deployment, Service, NetworkPolicy
 * and pods), so what one cached object carries is multiplied by N models.
 *
 * <p>{@code metadata.managedFields} — a large share of each object — is dropped from the caches of
 * objects the operator does not server-side apply. The caches of its own Deployments, Services,
 * NetworkPolicies and PodDisruptionBudgets keep it: the dependent resources compare against the
 * operator's managed-fields entry to decide that nothing needs applying. Served pods are cached as
 * metadata and status only (their spec is the Deployment's template, which the operator already
 * holds).
 */
public final class LeanCaches {
  private LeanCaches() {}

  /** The object itself, without {@code metadata.managedFields}. */
  public static <R extends HasMetadata> R withoutManagedFields(R resource) {
    if (resource.getMetadata() != null) {
      resource.getMetadata().setManagedFields(null);
    }
    return resource;
  }

  /** A pod as the model controller reads it: metadata (no managed fields) and status. */
  public static Pod podStatusOnly(Pod pod) {
    withoutManagedFields(pod);
    pod.setSpec(null);
    return pod;
  }

  /** A store for a secondary informer whose objects are never server-side applied. */
  public static <R extends HasMetadata> ItemStore<R> withoutManagedFields() {
    return new TransformingItemStore<>(LeanCaches::withoutManagedFields);
  }

  /** A store for the model controller's pod informer. */
  public static ItemStore<Pod> podsStatusOnly() {
    return new TransformingItemStore<>(LeanCaches::podStatusOnly);
  }

  /** The model controller's primary cache (named, for {@code @Informer(itemStore = ...)}). */
  public static final class CustomModels extends TransformingItemStore<CustomModel> {
    public CustomModels() {
      super(LeanCaches::withoutManagedFields);
    }
  }

  /** The version controller's primary cache. */
  public static final class CustomModelVersions extends TransformingItemStore<CustomModelVersion> {
    public CustomModelVersions() {
      super(LeanCaches::withoutManagedFields);
    }
  }
}
