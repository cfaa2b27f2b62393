package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.lookup.NamespaceLookups;
import io.modelops.operator.naming.ModelLabels;
import io.modelops.operator.resourcebundle.BundleChoice.Bundle;
import io.modelops.operator.resourcebundle.ResourceBundles;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the cluster holds for one model, read from the caches once per reconcile and handed to the
 * pure {@link CustomModelValidator} and {@link ServingPlanner}.
 *
 * @param versions the model's versions
 * @param environments ExecutionEnvironments by name
 * @param bundles ResourceBundles by name
 * @param lookups Secrets, ConfigMaps and PVCs of the model's namespace, by name
 * @param deployments the model's Deployments
 * @param service the model's Service, once created
 * @param tests the model's CustomModelTests (for the promotion gate)
 */
public record Observed(
    List<CustomModelVersion> versions,
    Function<String, Optional<ExecutionEnvironment>> environments,
    Map<String, Bundle> bundles,
    NamespaceLookups lookups,
    List<Deployment> deployments,
    Optional<Service> service,
    List<CustomModelTest> tests) {

  public Observed {
    tests = List.copyOf(tests);
  }

  /** Without tests (a model whose promotion needs none). */
  public Observed(
      List<CustomModelVersion> versions,
      Function<String, Optional<ExecutionEnvironment>> environments,
      Map<String, Bundle> bundles,
      NamespaceLookups lookups,
      List<Deployment> deployments,
      Optional<Service> service) {
    this(versions, environments, bundles, lookups, deployments, service, List.of());
  }

  /** Reads what the reconcile of {@code model} needs from the caches of its controller. */
  static Observed of(
      CustomModel model,
      Context<CustomModel> context,
      ModelEventSources sources,
      OperatorConfig config) {
    return new Observed(
        List.copyOf(context.getSecondaryResources(CustomModelVersion.class)),
        envName -> sources.environments().get(new ResourceID(envName)),
        ResourceBundles.byName(sources.bundles().list().toList(), config.placement()),
        NamespaceLookups.of(context.getClient(), model.getMetadata().getNamespace()),
        List.copyOf(context.getSecondaryResources(Deployment.class)),
        context.getSecondaryResource(Service.class),
        List.copyOf(context.getSecondaryResources(CustomModelTest.class)));
  }

  /** The version the Service routes to now, if any. */
  public Optional<String> routedVersion() {
    return service.map(
        s ->
            s.getSpec().getSelector() == null
                ? null
                : s.getSpec().getSelector().get(ModelLabels.VERSION));
  }
}
