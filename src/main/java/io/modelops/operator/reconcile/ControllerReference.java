package io.modelops.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;

/**
 * Marks an object the operator creates as controlled by its custom resource: one ownerReference
 * with {@code controller: true} and {@code blockOwnerDeletion: true}, so Kubernetes
 * garbage-collects it with its owner and other controllers leave it alone.
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
}
