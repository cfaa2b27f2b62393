package io.modelops.operator.resourcebundle;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.modelops.operator.api.v1alpha1.resourcebundle.ResourceBundle;
import io.modelops.operator.api.v1alpha1.resourcebundle.ResourceBundleStatus;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.StatusPatch;
import java.time.Clock;

/**
 * Reports ResourceBundles (cluster-scoped): Ready, with reason {@code Deprecated} for a bundle
 * that keeps its existing users but takes no new ones.
 */
@ControllerConfiguration(name = "resourcebundle")
public class ResourceBundleReconciler implements Reconciler<ResourceBundle> {
  private final Clock clock;

  public ResourceBundleReconciler(Clock clock) {
    this.clock = clock;
  }

  @Override
  public UpdateControl<ResourceBundle> reconcile(ResourceBundle bundle,
      Context<ResourceBundle> context) {
    ResourceBundleStatus status = new ResourceBundleStatus();
    status.setObservedGeneration(bundle.getMetadata().getGeneration());
    boolean deprecated = Boolean.TRUE.equals(bundle.getSpec().getDeprecated());
    status.setConditions(Conditions.after(bundle.getStatus(),
            bundle.getMetadata().getGeneration(), clock)
        .set(Conditions.READY, true, deprecated ? "Deprecated" : "Available",
            deprecated ? "deprecated: models and jobs already on it keep it, new references are"
                + " refused" : "available for " + ResourceBundles.of(bundle).useCases())
        .list());
    return Conditions.differ(bundle.getStatus(), status)
        ? UpdateControl.patchStatus(StatusPatch.of(bundle, status, ResourceBundle::new))
        : UpdateControl.noUpdate();
  }
}
