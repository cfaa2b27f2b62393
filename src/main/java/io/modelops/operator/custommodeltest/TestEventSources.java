package io.modelops.operator.custommodeltest;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.modelops.operator.api.v1alpha1.common.NameRef;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTestSpec;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTestStatus;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.api.v1alpha1.resourcebundle.ResourceBundle;
import io.modelops.operator.cache.LeanCaches;
import io.modelops.operator.lookup.NamespaceLookups;
import io.modelops.operator.naming.TestLabels;
import io.modelops.operator.reconcile.EventSources;
import io.modelops.operator.resourcebundle.ResourceBundles;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What wakes a test besides its own changes (its Job and NetworkPolicy come with the workflow), and
 * the caches its validation reads:
 *
 * <ul>
 *   <li>its CustomModelVersion (an index of tests by version): a test waiting for its version to
 *       exist or be validated starts when it is;
 *   <li>the pods of its Job (pods controlled by a Job, which name their test in an annotation);
 *   <li>model slots: when a test stops competing for its model (it ended, was canceled, refused or
 *       deleted), the queued tests of its namespace are woken. This informer keeps only what the
 *       queue reads of each test;
 *   <li>CustomModels, ExecutionEnvironments and ResourceBundles, read from caches when a test is
 *       validated; they wake no test (a version's status follows its model and environment).
 * </ul>
 */
record TestEventSources(
    InformerEventSource<CustomModelVersion, CustomModelTest> versions,
    InformerEventSource<Pod, CustomModelTest> pods,
    InformerEventSource<CustomModelTest, CustomModelTest> slots,
    InformerEventSource<CustomModel, CustomModelTest> models,
    InformerEventSource<ExecutionEnvironment, CustomModelTest> environments,
    InformerEventSource<ResourceBundle, CustomModelTest> bundles) {
  static final String BY_VERSION = "byVersion";
  static final String WAITING = "waitingByNamespace";

  static Optional<String> versionOf(CustomModelTest test) {
    return Optional.ofNullable(test.getSpec())
        .map(CustomModelTestSpec::getCustomModelVersionRef)
        .map(NameRef::getName);
  }

  static TestEventSources of(EventSourceContext<CustomModelTest> context) {
    var versions =
        EventSources.named(
            context,
            InformerEventSourceConfiguration.from(CustomModelVersion.class, CustomModelTest.class)
                .withName("testversions")
                .withItemStore(LeanCaches.withoutManagedFields()),
            BY_VERSION,
            TestEventSources::versionOf);
    var pods =
        EventSources.jobPods(
            context, CustomModelTest.class, "testpods", TestLabels.SELECTOR, TestLabels::testOf);
    var models =
        EventSources.lookupOnly(
            context,
            InformerEventSourceConfiguration.from(CustomModel.class, CustomModelTest.class)
                .withName("testmodels")
                .withNamespacesInheritedFromController()
                .withItemStore(LeanCaches.withoutManagedFields()));
    var environments =
        EventSources.lookupOnly(
            context,
            InformerEventSourceConfiguration.from(ExecutionEnvironment.class, CustomModelTest.class)
                .withName("testenvironments")
                .withWatchAllNamespaces()
                .withItemStore(LeanCaches.withoutManagedFields()));
    var bundles =
        EventSources.lookupOnly(
            context,
            InformerEventSourceConfiguration.from(ResourceBundle.class, CustomModelTest.class)
                .withName("testbundles")
                .withWatchAllNamespaces()
                .withItemStore(LeanCaches.withoutManagedFields()));
    var slots =
        EventSources.freedSlots(
            context,
            CustomModelTest.class,
            "testslots",
            WAITING,
            TestQueue::waiting,
            TestQueue::competes,
            TestEventSources::slotOnly);
    return new TestEventSources(versions, pods, slots, models, environments, bundles);
  }

  List<EventSource<?, CustomModelTest>> list() {
    return List.of(versions, pods, slots, models, environments, bundles);
  }

  /** The tests of {@code namespace} as the queue sees them (fresh: slot events come from here). */
  Stream<CustomModelTest> testsOf(String namespace) {
    return slots.list(namespace);
  }

  /** The model of a test's version, from the version cache. */
  Optional<String> modelOf(CustomModelTest test) {
    return versionOf(test)
        .flatMap(v -> versions.get(new ResourceID(v, test.getMetadata().getNamespace())))
        .map(v -> v.getSpec().getCustomModelRef().getName());
  }

  /** Validation's lookups: versions, models and cluster-scoped kinds from caches. */
  TestValidator.Lookups lookups(KubernetesClient client, String namespace) {
    return new TestValidator.Lookups(
        name -> versions.get(new ResourceID(name, namespace)),
        name -> models.get(new ResourceID(name, namespace)),
        name -> environments.get(new ResourceID(name)),
        ResourceBundles.byName(bundles.list().toList()),
        NamespaceLookups.of(client, namespace),
        (name, key) -> {
          ConfigMap cm = client.configMaps().inNamespace(namespace).withName(name).get();
          if (cm == null) {
            return Optional.empty();
          }
          boolean has =
              (cm.getData() != null && cm.getData().containsKey(key))
                  || (cm.getBinaryData() != null && cm.getBinaryData().containsKey(key));
          return Optional.of(has);
        });
  }

  /** What the queue reads of a test: name, creation time, version, cancel, status, Job name. */
  static CustomModelTest slotOnly(CustomModelTest test) {
    CustomModelTest lean = new CustomModelTest();
    lean.setMetadata(
        new ObjectMetaBuilder()
            .withName(test.getMetadata().getName())
            .withNamespace(test.getMetadata().getNamespace())
            .withUid(test.getMetadata().getUid())
            .withResourceVersion(test.getMetadata().getResourceVersion())
            .withCreationTimestamp(test.getMetadata().getCreationTimestamp())
            .build());
    CustomModelTestSpec spec = new CustomModelTestSpec();
    if (test.getSpec() != null) {
      spec.setCancel(test.getSpec().getCancel());
      spec.setCustomModelVersionRef(test.getSpec().getCustomModelVersionRef());
    }
    lean.setSpec(spec);
    if (test.getStatus() != null) {
      CustomModelTestStatus status = new CustomModelTestStatus();
      status.setOverallStatus(test.getStatus().getOverallStatus());
      status.setJobName(test.getStatus().getJobName());
      status.setCustomModel(test.getStatus().getCustomModel());
      lean.setStatus(status);
    }
    return lean;
  }
}
