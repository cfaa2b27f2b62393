package io.modelops.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;
import java.util.Optional;

/**
 * Marks an object the operator creates as controlled by its custom resource: one ownerReference
 * with {@code controller: true} and {@code blockOwnerDeletion: true}, so Kubernetes
 * garbage-collects it with its owner and other controllers leave it alone.
 *
 * <p>It is also how the operator recognises its own objects: labels and annotations can be set by
 * anyone who can create an object in a namespace, a controller reference names one owner whose
 * {@code uid} Kubernetes checks (an owner that does not exist gets its dependents deleted by the
 * garbage collector).
 */
public final class ControllerReference {
  private ControllerReference() {}

  public static void set(HasMetadata owned, HasMetadata owner) {
    owned
        .getMetadata()
        .setOwnerReferences(
            List.of(
                new OwnerReferenceBuilder()
                    .withApiVersion(owner.getApiVersion())
                    .withKind(owner.getKind())
                    .withName(owner.getMetadata().getName())
                    .withUid(owner.getMetadata().getUid())
                    .withController(true)
                    .withBlockOwnerDeletion(true)
                    .build()));
  }

  /** The object's controller reference, if it has one. */
  public static Optional<OwnerReference> of(HasMetadata object) {
    if (object.getMetadata() == null || object.getMetadata().getOwnerReferences() == null) {
      return Optional.empty();
    }
    return object.getMetadata().getOwnerReferences().stream()
        .filter(r -> Boolean.TRUE.equals(r.getController()))
        .findFirst();
  }

  /** Whether {@code object}'s controller is of {@code kind} in API group {@code group}. */
  public static boolean controlledByKind(HasMetadata object, String group, String kind) {
    return of(object)
        .filter(r -> kind.equals(r.getKind()) && group.equals(group(r.getApiVersion())))
        .isPresent();
  }

  /** Whether {@code object} is controlled by exactly {@code owner} (same kind, name and uid). */
  public static boolean controlledBy(HasMetadata object, HasMetadata owner) {
    return of(object)
        .filter(
            r ->
                owner.getKind().equals(r.getKind())
                    && owner.getMetadata().getName().equals(r.getName())
                    && owner.getMetadata().getUid() != null
                    && owner.getMetadata().getUid().equals(r.getUid()))
        .isPresent();
  }

  /** The API group of an {@code apiVersion} ("" for the core group). */
  static String group(String apiVersion) {
    if (apiVersion == null) {
      return "";
    }
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }
}
