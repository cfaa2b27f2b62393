package io.modelops.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;

/**
 * A dependent resource the operator creates, updates and garbage-collects, owned through a
 * controller reference ({@link ControllerReference}).
 */
public abstract class OwnedResource<R extends HasMetadata, P extends HasMetadata>
    extends CRUDKubernetesDependentResource<R, P> {
  @Override
  protected void addReferenceHandlingMetadata(R desired, P primary) {
    ControllerReference.set(desired, primary);
  }
}
