package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTestStatus;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.api.v1alpha1.resourcebundle.ResourceBundle;
import io.modelops.operator.cache.LeanCaches;
import io.modelops.operator.custommodelversion.VersionIndexes;
import io.modelops.operator.naming.ModelLabels;
import io.modelops.operator.reconcile.Mappers;
import io.modelops.operator.reconcile.References;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the model controller watches besides its dependents, and how each event finds its models: a
 * version names its model; an ExecutionEnvironment reaches the models of the versions that run in
 * it; a ResourceBundle may change any model's settings; a pod controlled by a ReplicaSet carries
 * its model's name in an annotation (which ReplicaSet, the reconciler checks against the model's
 * own Deployments before a pod counts: {@link ServedPods}); a CustomModelTest names its model in
 * its status, and its end may release a version held by the {@link PromotionGate}.
 */
record ModelEventSources(
    InformerEventSource<CustomModelVersion, CustomModel> versions,
    InformerEventSource<ExecutionEnvironment, CustomModel> environments,
    InformerEventSource<ResourceBundle, CustomModel> bundles,
    InformerEventSource<Pod, CustomModel> pods,
    InformerEventSource<CustomModelTest, CustomModel> tests) {

  static ModelEventSources of(EventSourceContext<CustomModel> context) {
    var byModel = Mappers.toReferenced(References::model);
    var versions =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(CustomModelVersion.class, CustomModel.class)
                .withName("versions")
                .withNamespacesInheritedFromController()
                .withItemStore(LeanCaches.withoutManagedFields())
                .withSecondaryToPrimaryMapper(byModel)
                .build(),
            context);
    versions.addIndexer(VersionIndexes.BY_ENVIRONMENT, VersionIndexes.byEnvironment());
    var environments =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(ExecutionEnvironment.class, CustomModel.class)
                .withName("environments")
                .withWatchAllNamespaces()
                .withItemStore(LeanCaches.withoutManagedFields())
                .withSecondaryToPrimaryMapper(
                    env ->
                        versions
                            .byIndex(VersionIndexes.BY_ENVIRONMENT, env.getMetadata().getName())
                            .stream()
                            .flatMap(v -> byModel.toPrimaryResourceIDs(v).stream())
                            .collect(Collectors.toSet()))
                .build(),
            context);
    var bundles =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(ResourceBundle.class, CustomModel.class)
                .withName("bundles")
                .withWatchAllNamespaces()
                .withSecondaryToPrimaryMapper(
                    bundle ->
                        context
                            .getPrimaryCache()
                            .list()
                            .map(ResourceID::fromResource)
                            .collect(Collectors.toSet()))
                .build(),
            context);
    var pods =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Pod.class, CustomModel.class)
                .withName("pods")
                .withNamespacesInheritedFromController()
                .withItemStore(LeanCaches.servedPods())
                .withLabelSelector(ModelLabels.SELECTOR)
                .withSecondaryToPrimaryMapper(
                    Mappers.toReferenced(
                        (Pod pod) ->
                            Optional.of(pod)
                                .filter(LeanCaches::controlledByReplicaSet)
                                .map(p -> p.getMetadata().getAnnotations())
                                .map(a -> a.get(ModelLabels.MODEL_NAME_ANNOTATION))))
                .build(),
            context);
    // A test names its model in its status (its version names the model); the promotion gate
    // reads the model's tests.
    var tests =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(CustomModelTest.class, CustomModel.class)
                .withName("tests")
                .withNamespacesInheritedFromController()
                .withItemStore(LeanCaches.withoutManagedFields())
                // The model the test recorded, else the one its version names (a test that has
                // not recorded it yet must still wake its model when it ends).
                .withSecondaryToPrimaryMapper(
                    Mappers.toReferenced(
                        (CustomModelTest t) ->
                            Optional.ofNullable(t.getStatus())
                                .map(CustomModelTestStatus::getCustomModel)
                                .or(() -> modelOfVersion(versions, t))))
                .build(),
            context);
    return new ModelEventSources(versions, environments, bundles, pods, tests);
  }

  private static Optional<String> modelOfVersion(
      InformerEventSource<CustomModelVersion, CustomModel> versions, CustomModelTest test) {
    return Optional.ofNullable(test.getSpec().getCustomModelVersionRef())
        .flatMap(
            ref -> versions.get(new ResourceID(ref.getName(), test.getMetadata().getNamespace())))
        .flatMap(References::model);
  }

  List<EventSource<?, CustomModel>> list() {
    return List.of(versions, environments, bundles, pods, tests);
  }
}
