package io.modelops.operator.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
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
  void podsKeepMetadataAndStatusOnly() {
    ItemStore<Pod> store = LeanCaches.podsStatusOnly();
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
}
