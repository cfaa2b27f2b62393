package io.modelops.operator.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import org.junit.jupiter.api.Test;

class LeanCachesTest {
  private static Pod pod() {
    return new PodBuilder()
        .withNewMetadata()
        .withName("m-v1-abc")
        .withNamespace("ns")
        .withResourceVersion("7")
        .addToLabels("modelops.io/model", "m")
        .addToAnnotations("modelops.io/model-name", "m")
        .withManagedFields(new ManagedFieldsEntryBuilder().withManager("kubelet").build())
        .addNewOwnerReference()
        .withApiVersion("apps/v1")
        .withKind("ReplicaSet")
        .withName("m-v1-5d8f")
        .withUid("rs-uid")
        .withController(true)
        .endOwnerReference()
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("model")
        .withImage("python:3.11")
        .endContainer()
        .endSpec()
        .withNewStatus()
        .withPhase("Running")
        .addNewContainerStatus()
        .withName("model")
        .withReady(true)
        .endContainerStatus()
        .endStatus()
        .build();
  }

  @Test
  void servedPodsKeepMetadataAndStatusOnly() {
    ItemStore<Pod> store = LeanCaches.servedPods();
    store.put(store.getKey(pod()), pod());
    Pod cached = store.get("ns/m-v1-abc");
    assertThat(cached.getSpec()).isNull();
    assertThat(cached.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(cached.getMetadata().getLabels()).containsEntry("modelops.io/model", "m");
    assertThat(cached.getMetadata().getAnnotations()).containsEntry("modelops.io/model-name", "m");
    assertThat(cached.getMetadata().getResourceVersion()).isEqualTo("7");
    assertThat(cached.getStatus().getContainerStatuses())
        .singleElement()
        .satisfies(s -> assertThat(s.getReady()).isTrue());
  }

  @Test
  void customResourcesLoseOnlyTheirManagedFields() {
    CustomModel model = new CustomModel();
    model.getMetadata().setName("m");
    model.getMetadata().setNamespace("ns");
    model.getMetadata().setGeneration(3L);
    model
        .getMetadata()
        .getManagedFields()
        .add(new ManagedFieldsEntryBuilder().withManager("kubectl").build());
    var store = new LeanCaches.CustomModels();
    store.put(store.getKey(model), model);
    CustomModel cached = store.get("ns/m");
    assertThat(cached.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(cached.getMetadata().getGeneration()).isEqualTo(3L);
  }

  @Test
  void aPodNotControlledByAReplicaSetIsCachedAsASkeleton() {
    Pod forged = pod();
    forged.getMetadata().setOwnerReferences(null);
    forged.getMetadata().getAnnotations().put("big", "x".repeat(200_000));
    ItemStore<Pod> store = LeanCaches.servedPods();
    store.put(store.getKey(forged), forged);
    Pod cached = store.get("ns/m-v1-abc");
    assertThat(cached.getMetadata().getName()).isEqualTo("m-v1-abc");
    assertThat(cached.getMetadata().getResourceVersion()).isEqualTo("7");
    assertThat(cached.getMetadata().getLabels()).isNullOrEmpty();
    assertThat(cached.getMetadata().getAnnotations()).isNullOrEmpty();
    assertThat(cached.getSpec()).isNull();
    assertThat(cached.getStatus()).isNull();
  }

  @Test
  void aRunPodIsKeptOnlyWhenAJobControlsIt() {
    ItemStore<Pod> store = LeanCaches.runPods();
    Pod ofReplicaSet = pod();
    store.put(store.getKey(ofReplicaSet), ofReplicaSet);
    assertThat(store.get("ns/m-v1-abc").getStatus()).isNull();

    Pod ofJob = pod();
    ofJob.getMetadata().getOwnerReferences().get(0).setApiVersion("batch/v1");
    ofJob.getMetadata().getOwnerReferences().get(0).setKind("Job");
    store.put(store.getKey(ofJob), ofJob);
    assertThat(store.get("ns/m-v1-abc").getStatus().getPhase()).isEqualTo("Running");
  }

  @Test
  void aConfigMapNotControlledByTheOperatorKeepsNoData() {
    ConfigMap forged =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("cfg")
            .withNamespace("ns")
            .withResourceVersion("3")
            .addToLabels("app.kubernetes.io/managed-by", "modelops-operator")
            .addNewOwnerReference()
            .withApiVersion("v1")
            .withKind("Secret")
            .withName("other")
            .withUid("u")
            .withController(true)
            .endOwnerReference()
            .endMetadata()
            .addToData("blob", "x".repeat(1_000_000))
            .build();
    var store = new LeanCaches.Applied<ConfigMap>();
    store.put(store.getKey(forged), forged);
    ConfigMap cached = store.get("ns/cfg");
    assertThat(cached.getData()).isNullOrEmpty();
    assertThat(cached.getMetadata().getLabels()).isNullOrEmpty();
    assertThat(cached.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(r -> assertThat(r.getName()).isEqualTo("other"));
  }

  @Test
  void aConfigMapControlledByARunIsKeptWhole() {
    ConfigMap owned =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("cfg")
            .withNamespace("ns")
            .withManagedFields(
                new ManagedFieldsEntryBuilder().withManager("modelops-operator").build())
            .addNewOwnerReference()
            .withApiVersion("modelops.io/v1alpha1")
            .withKind("CustomJobRun")
            .withName("r")
            .withUid("u")
            .withController(true)
            .endOwnerReference()
            .endMetadata()
            .addToData("worker-config.json", "{}")
            .build();
    var store = new LeanCaches.Applied<ConfigMap>();
    store.put(store.getKey(owned), owned);
    ConfigMap cached = store.get("ns/cfg");
    assertThat(cached.getData()).containsEntry("worker-config.json", "{}");
    assertThat(cached.getMetadata().getManagedFields()).hasSize(1);
  }

  @Test
  void aJobOfARunLosesItsManagedFieldsAndAForgedOneEverything() {
    var store = new LeanCaches.Created<Job>();
    Job owned =
        new JobBuilder()
            .withNewMetadata()
            .withName("r")
            .withNamespace("ns")
            .withManagedFields(new ManagedFieldsEntryBuilder().withManager("m").build())
            .addNewOwnerReference()
            .withApiVersion("modelops.io/v1alpha1")
            .withKind("CustomJobRun")
            .withName("r")
            .withUid("u")
            .withController(true)
            .endOwnerReference()
            .endMetadata()
            .withNewSpec()
            .withBackoffLimit(1)
            .endSpec()
            .build();
    store.put(store.getKey(owned), owned);
    assertThat(store.get("ns/r").getSpec().getBackoffLimit()).isEqualTo(1);
    assertThat(store.get("ns/r").getMetadata().getManagedFields()).isNullOrEmpty();

    Job forged = new JobBuilder(owned).editMetadata().withOwnerReferences().endMetadata().build();
    store.put(store.getKey(forged), forged);
    assertThat(store.get("ns/r").getSpec()).isNull();
    assertThat(store.get("ns/r").getKind()).isEqualTo("Job");
  }
}
