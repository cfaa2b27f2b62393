package io.modelops.operator.status;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.function.Supplier;

/**
 * The object a status patch is sent with: a fresh custom resource holding only name, namespace and
 * the new status, so the patch never carries (or overwrites) anything of the user's spec or
 * metadata.
 */
public final class StatusPatch {
  private StatusPatch() {}

  public static <S, R extends CustomResource<?, S>> R of(R resource, S status, Supplier<R> empty) {
    R fresh = empty.get();
    fresh.setMetadata(
        new ObjectMetaBuilder()
            .withName(resource.getMetadata().getName())
            .withNamespace(resource.getMetadata().getNamespace())
            .build());
    fresh.setStatus(status);
    return fresh;
  }
}
