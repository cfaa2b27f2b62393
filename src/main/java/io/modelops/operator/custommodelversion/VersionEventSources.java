package io.modelops.operator.custommodelversion;

import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.cache.LeanCaches;
import io.modelops.operator.reconcile.Mappers;
import io.modelops.operator.reconcile.References;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the version controller watches besides its versions, and how each event finds its versions:
 * a CustomModel wakes its versions (an index of versions by model), an ExecutionEnvironment the
 * versions that run on it (an index by environment), and a CustomModelTest the version it names
 * (its overall status becomes the version's testingStatus).
 */
final class VersionEventSources {
  private VersionEventSources() {}

  static List<EventSource<?, CustomModelVersion>> of(
      EventSourceContext<CustomModelVersion> context) {
    var versions = context.getPrimaryCache();
    versions.addIndexer(VersionIndexes.BY_MODEL, VersionIndexes.byModel());
    versions.addIndexer(VersionIndexes.BY_ENVIRONMENT, VersionIndexes.byEnvironment());

    var models =
        InformerEventSourceConfiguration.from(CustomModel.class, CustomModelVersion.class)
            .withName("models")
            .withNamespacesInheritedFromController()
            .withItemStore(LeanCaches.withoutManagedFields())
            .withSecondaryToPrimaryMapper(
                Mappers.<CustomModel, CustomModelVersion>fromIndex(
                    key -> versions.byIndex(VersionIndexes.BY_MODEL, key), Mappers::key))
            .withPrimaryToSecondaryMapper(
                (CustomModelVersion v) ->
                    References.model(v)
                        .map(m -> Set.of(new ResourceID(m, v.getMetadata().getNamespace())))
                        .orElse(Set.of()))
            .build();
    var environments =
        InformerEventSourceConfiguration.from(ExecutionEnvironment.class, CustomModelVersion.class)
            .withName("environments")
            .withWatchAllNamespaces()
            .withItemStore(LeanCaches.withoutManagedFields())
            .withSecondaryToPrimaryMapper(
                Mappers.<ExecutionEnvironment, CustomModelVersion>fromIndex(
                    name -> versions.byIndex(VersionIndexes.BY_ENVIRONMENT, name),
                    env -> env.getMetadata().getName()))
            .withPrimaryToSecondaryMapper(
                (CustomModelVersion v) ->
                    References.environment(v)
                        .map(name -> Set.of(new ResourceID(name)))
                        .orElse(Set.of()))
            .build();
    // A test names its version; its overall status becomes the version's testingStatus.
    var tests =
        InformerEventSourceConfiguration.from(CustomModelTest.class, CustomModelVersion.class)
            .withName("tests")
            .withNamespacesInheritedFromController()
            .withItemStore(LeanCaches.withoutManagedFields())
            .withSecondaryToPrimaryMapper(
                Mappers.toReferenced(
                    (CustomModelTest t) ->
                        Optional.ofNullable(t.getSpec().getCustomModelVersionRef())
                            .map(r -> r.getName())))
            .build();
    return List.of(
        new InformerEventSource<>(models, context),
        new InformerEventSource<>(environments, context),
        new InformerEventSource<>(tests, context));
  }
}
