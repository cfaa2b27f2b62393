package io.modelops.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.CRUDKubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An object of the operator that has one desired name per owner, while the owner may still control
 * objects of the same kind under other names (an earlier naming scheme, the previous version during
 * a switch). The objects it manages are exactly those the owner controls (a controller
 * ownerReference, never labels alone, so a tenant's look-alike object is never touched); the others
 * are deleted when the subclass says it is safe ({@link #mayDelete}).
 *
 * @param <R> the kind of the object
 * @param <P> the owner's kind
 */
public abstract class OneNameDependent<R extends HasMetadata, P extends HasMetadata>
    extends KubernetesDependentResource<R, P>
    implements CRUDKubernetesBulkDependentResource<R, P>, GarbageCollected<P> {

  protected OneNameDependent(Class<R> type) {
    super(type);
  }

  /** The name the object has now. */
  protected abstract String name(P owner, Context<P> context);

  /** The object as it should be. */
  protected abstract R build(P owner, Context<P> context);

  /** Whether an object of the owner that is no longer desired may go now. */
  protected abstract boolean mayDelete(P owner, ResourceID key, Context<P> context);

  @Override
  protected void addReferenceHandlingMetadata(R desired, P owner) {
    ControllerReference.set(desired, owner);
  }

  @Override
  public Map<ResourceID, R> desiredResources(P owner, Context<P> context) {
    return Map.of(
        new ResourceID(name(owner, context), owner.getMetadata().getNamespace()),
        build(owner, context));
  }

  @Override
  public Map<ResourceID, R> getSecondaryResources(P owner, Context<P> context) {
    return context.getSecondaryResources(resourceType()).stream()
        .filter(r -> NameClaims.controlledBy(r, owner))
        .collect(Collectors.toMap(ResourceID::fromResource, r -> r));
  }

  @Override
  public void deleteTargetResource(P owner, R resource, ResourceID key, Context<P> context) {
    if (mayDelete(owner, key, context)) {
      super.deleteTargetResource(owner, resource, key, context);
    }
  }
}
