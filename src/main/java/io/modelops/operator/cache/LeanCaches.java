package io.modelops.operator.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.reconcile.ControllerReference;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

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
 *
 * <p>Informers of owned objects select by the operator's labels, which anyone who can create an
 * object in a namespace can also set. What makes an object the operator's is its controller
 * reference to one of the operator's kinds ({@link ControllerReference}); anything else such an
 * informer sees is stored as a skeleton ({@link #skeleton}: name, namespace, uid, resourceVersion
 * and its controller reference, no labels, annotations, spec, data or status), so a forged
 * ConfigMap of 1 MiB costs the cache a few hundred bytes and no decision ever reads its content.
 * Pods are never controlled by the operator's kinds directly: a served pod is the operator's when
 * its controller is a ReplicaSet, a run's pod when its controller is a Job (the reconcilers then
 * check which ReplicaSet or Job, against their own Deployments and Job).
 */
public final class LeanCaches {
  /** The API group of the operator's kinds. */
  public static final String GROUP = "modelops.io";

  /** The operator's kinds that control the objects it creates. */
  public static final Set<String> OWNER_KINDS =
      Set.of("CustomModel", "CustomJob", "CustomJobRun", "CustomModelTest");

  private LeanCaches() {}

  /** Whether {@code object} is controlled by one of the operator's custom resources. */
  public static boolean ownedByOperator(HasMetadata object) {
    return OWNER_KINDS.stream()
        .anyMatch(kind -> ControllerReference.controlledByKind(object, GROUP, kind));
  }

  /**
   * A served pod: controlled by a ReplicaSet (of a Deployment; which one, the reconciler checks).
   */
  public static boolean controlledByReplicaSet(HasMetadata pod) {
    return ControllerReference.controlledByKind(pod, "apps", "ReplicaSet");
  }

  /** A run's pod: controlled by a Job (which one, the reconciler checks). */
  public static boolean controlledByJob(HasMetadata pod) {
    return ControllerReference.controlledByKind(pod, "batch", "Job");
  }

  /**
   * What is left of an object that is not the operator's: a new object of the same type with only
   * the metadata needed to know it exists and who controls it.
   */
  public static <R extends HasMetadata> R skeleton(R resource) {
    R empty;
    try {
      @SuppressWarnings("unchecked")
      R created = (R) resource.getClass().getDeclaredConstructor().newInstance();
      empty = created;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create an empty " + resource.getKind(), e);
    }
    ObjectMeta meta = resource.getMetadata();
    empty.setMetadata(
        new ObjectMetaBuilder()
            .withName(meta.getName())
            .withNamespace(meta.getNamespace())
            .withUid(meta.getUid())
            .withResourceVersion(meta.getResourceVersion())
            .withCreationTimestamp(meta.getCreationTimestamp())
            .withDeletionTimestamp(meta.getDeletionTimestamp())
            .withOwnerReferences(ControllerReference.of(resource).map(List::of).orElse(null))
            .build());
    return empty;
  }

  /** {@code lean} applied to the objects {@code ours} accepts, the others as skeletons. */
  static <R extends HasMetadata> UnaryOperator<R> oursOrSkeleton(
      Predicate<HasMetadata> ours, UnaryOperator<R> lean) {
    return r -> ours.test(r) ? lean.apply(r) : skeleton(r);
  }

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

  /** A store for the model controller's pod informer: served pods as status, others skeletons. */
  public static ItemStore<Pod> servedPods() {
    return new TransformingItemStore<>(
        oursOrSkeleton(LeanCaches::controlledByReplicaSet, LeanCaches::podStatusOnly));
  }

  /** A store for the run controller's pod informer: Jobs' pods as status, others skeletons. */
  public static ItemStore<Pod> runPods() {
    return new TransformingItemStore<>(
        oursOrSkeleton(LeanCaches::controlledByJob, LeanCaches::podStatusOnly));
  }

  /**
   * The cache of objects the operator server-side applies (Deployments, Services, NetworkPolicies,
   * PodDisruptionBudgets, ConfigMaps): its own objects whole, managed fields included (the
   * dependents compare against the operator's entry), anything else as a skeleton.
   */
  public static final class Applied<R extends HasMetadata> extends TransformingItemStore<R> {
    public Applied() {
      super(oursOrSkeleton(LeanCaches::ownedByOperator, UnaryOperator.identity()));
    }
  }

  /** The cache of objects the operator only creates (Jobs): its own without managed fields. */
  public static final class Created<R extends HasMetadata> extends TransformingItemStore<R> {
    public Created() {
      super(oursOrSkeleton(LeanCaches::ownedByOperator, LeanCaches::withoutManagedFields));
    }
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
