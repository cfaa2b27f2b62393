package io.modelops.operator.status;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
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

  /**
   * The update a reconcile ends with: a status patch when the status differs from the one the
   * resource has (ignoring nothing: conditions' times only change on transitions), else no write.
   */
  public static <S, R extends CustomResource<?, S>> UpdateControl<R> ifChanged(
      R resource, S status, Supplier<R> empty) {
    return Conditions.differ(resource.getStatus(), status)
        ? UpdateControl.patchStatus(of(resource, status, empty))
        : UpdateControl.noUpdate();
  }
}
