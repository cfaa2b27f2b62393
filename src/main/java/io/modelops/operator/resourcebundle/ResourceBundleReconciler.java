package io.modelops.operator.resourcebundle;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.modelops.operator.api.v1alpha1.resourcebundle.ResourceBundle;
import io.modelops.operator.api.v1alpha1.resourcebundle.ResourceBundleStatus;
import io.modelops.operator.config.PlacementSettings;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import io.modelops.operator.status.StatusPatch;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reports ResourceBundles (cluster-scoped): Ready=False reason {@code InvalidBundle} naming the
 * field when the spec fails {@link ResourceBundleValidator}; otherwise Ready=True (reason {@code
 * Deprecated} for a bundle that keeps its existing users but takes no new ones) with the resources
 * a pod gets from it.
 */
@ControllerConfiguration(name = "resourcebundle")
public class ResourceBundleReconciler implements Reconciler<ResourceBundle> {
  private final PlacementSettings placement;
  private final Clock clock;

  public ResourceBundleReconciler(Clock clock) {
    this(PlacementSettings.defaults(), clock);
  }

  /** Reports GPUs under the resource names of {@code placement}. */
  public ResourceBundleReconciler(PlacementSettings placement, Clock clock) {
    this.placement = placement;
    this.clock = clock;
  }

  @Override
  public UpdateControl<ResourceBundle> reconcile(
      ResourceBundle bundle, Context<ResourceBundle> context) {
    ResourceBundleStatus status = new ResourceBundleStatus();
    status.setObservedGeneration(bundle.getMetadata().getGeneration());
    Conditions conditions =
        Conditions.after(bundle.getStatus(), bundle.getMetadata().getGeneration(), clock);
    List<Problem> problems = ResourceBundleValidator.validate(bundle.getSpec());
    if (!problems.isEmpty()) {
      conditions.set(
          Conditions.READY,
          false,
          Reasons.INVALID_BUNDLE,
          problems.stream().map(Problem::message).collect(Collectors.joining("; ")));
    } else {
      BundleChoice.Bundle checked = ResourceBundles.of(bundle, placement);
      Map<String, String> resources = new LinkedHashMap<>();
      BundleChoice.resources(checked).forEach((name, q) -> resources.put(name, q.toString()));
      status.setResources(resources);
      boolean deprecated = checked.deprecated();
      conditions.set(
          Conditions.READY,
          true,
          deprecated ? Reasons.DEPRECATED : Reasons.AVAILABLE,
          deprecated
              ? "deprecated: models and jobs already on it keep it, new references are" + " refused"
              : "available for " + checked.useCases());
    }
    status.setConditions(conditions.list());
    return StatusPatch.ifChanged(bundle, status, ResourceBundle::new);
  }
}
