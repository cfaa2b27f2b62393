package io.modelops.operator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.modelops.operator.testing.LocalClusterExtension;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The CEL transition rules on the real API server: a CustomModelVersion's spec is fixed except
 * description and requiredMetadataValues; a CustomJobRun's spec is fixed except cancel, which only
 * goes from false to true.
 */
@Tag("cluster")
class ImmutabilityTest {
  private static final AtomicInteger NAMES = new AtomicInteger();

  @RegisterExtension static LocalClusterExtension cluster = new LocalClusterExtension();

  private static final String VERSION =
      """
      {"apiVersion": "modelops.io/v1alpha1", "kind": "CustomModelVersion",
       "metadata": {"name": "%s"},
       "spec": {
         "customModelRef": {"name": "churn"},
         "environment": {"image": "python:3.11-slim"},
         "code": {"configMap": {"name": "churn-code"}},
         "description": "first cut",
         "requiredMetadataValues": [{"fieldName": "MODEL_FAMILY", "value": "gbm"}],
         "runtimeParameterValues": [{"fieldName": "BOOST", "type": "numeric", "value": 0.1}]}}
      """;

  private static final String RUN =
      """
      {"apiVersion": "modelops.io/v1alpha1", "kind": "CustomJobRun",
       "metadata": {"name": "%s"},
       "spec": {"customJobRef": {"name": "churn-retrain"}, "description": "nightly"%s}}
      """;

  @Test
  void editingAVersionsImageIsRefused() {
    var version = create(VERSION.formatted(next("v")));
    assertRefused(
        version,
        "{\"spec\":{\"environment\":{\"image\":\"python:3.12-slim\"}}}",
        "spec.environment: Invalid value: environment is immutable: create a new CustomModelVersion instead");
  }

  @Test
  void switchingAVersionFromImageToEnvironmentIsRefused() {
    var version = create(VERSION.formatted(next("v")));
    assertRefused(
        version,
        "{\"spec\":{\"environment\":{\"image\":null,\"name\":\"python311\"}}}",
        "environment is immutable");
  }

  @Test
  void editingAVersionsCodeIsRefused() {
    var version = create(VERSION.formatted(next("v")));
    assertRefused(
        version,
        "{\"spec\":{\"code\":{\"configMap\":{\"name\":\"churn-code-v2\"}}}}",
        "spec.code: Invalid value: code is immutable");
  }

  @Test
  void addingAnEntryPointToAVersionIsRefused() {
    var version = create(VERSION.formatted(next("v")));
    assertRefused(
        version,
        "{\"spec\":{\"entryPoint\":\"serve.sh\"}}",
        "spec.entryPoint: Invalid value: entryPoint is immutable");
  }

  @Test
  void changingAVersionsRuntimeParameterValueIsRefused() {
    var version = create(VERSION.formatted(next("v")));
    assertRefused(
        version,
        "{\"spec\":{\"runtimeParameterValues\":[{\"fieldName\":\"BOOST\",\"type\":\"numeric\",\"value\":0.2}]}}",
        "runtimeParameterValues is immutable");
  }

  @Test
  void addingAServingOverrideToAVersionIsRefused() {
    var version = create(VERSION.formatted(next("v")));
    assertRefused(
        version,
        "{\"spec\":{\"replicas\":3}}",
        "spec.replicas: Invalid value: replicas is immutable");
  }

  @Test
  void editingAVersionsDescriptionIsAccepted() {
    var version = create(VERSION.formatted(next("v")));
    GenericKubernetesResource edited =
        mergePatch(version, "{\"spec\":{\"description\":\"retrained on Q2 data\"}}");
    assertThat(spec(edited).get("description")).isEqualTo("retrained on Q2 data");
  }

  @Test
  void removingAVersionsDescriptionIsAccepted() {
    var version = create(VERSION.formatted(next("v")));
    GenericKubernetesResource edited = mergePatch(version, "{\"spec\":{\"description\":null}}");
    assertThat(spec(edited)).doesNotContainKey("description");
  }

  @Test
  void editingAVersionsRequiredMetadataValuesIsAccepted() {
    var version = create(VERSION.formatted(next("v")));
    GenericKubernetesResource edited =
        mergePatch(
            version,
            "{\"spec\":{\"requiredMetadataValues\":[{\"fieldName\":\"MODEL_FAMILY\",\"value\":\"xgboost\"}]}}");
    assertThat(spec(edited).get("requiredMetadataValues").toString()).contains("xgboost");
  }

  @Test
  void writingAVersionsStatusIsAccepted() {
    var version = create(VERSION.formatted(next("v")));
    GenericKubernetesResource updated =
        version
            .subresource("status")
            .patch(
                PatchContext.of(PatchType.JSON_MERGE),
                "{\"status\":{\"observedGeneration\":1,\"versionMajor\":1,\"versionMinor\":0,\"frozen\":true}}");
    assertThat(updated.getAdditionalProperties().get("status").toString()).contains("frozen=true");
  }

  @Test
  void cancelingARunIsAccepted() {
    var run = create(RUN.formatted(next("r"), ", \"cancel\": false"));
    GenericKubernetesResource edited = mergePatch(run, "{\"spec\":{\"cancel\":true}}");
    assertThat(spec(edited).get("cancel")).isEqualTo(true);
  }

  @Test
  void cancelingARunWithoutCancelFieldIsAccepted() {
    var run = create(RUN.formatted(next("r"), ""));
    GenericKubernetesResource edited = mergePatch(run, "{\"spec\":{\"cancel\":true}}");
    assertThat(spec(edited).get("cancel")).isEqualTo(true);
  }

  @Test
  void uncancelingARunIsRefused() {
    var run = create(RUN.formatted(next("r"), ", \"cancel\": true"));
    assertRefused(
        run,
        "{\"spec\":{\"cancel\":false}}",
        "spec.cancel: Invalid value: cancel cannot be undone");
  }

  @Test
  void removingCancelFromACanceledRunIsRefused() {
    var run = create(RUN.formatted(next("r"), ", \"cancel\": true"));
    assertRefused(run, "{\"spec\":{\"cancel\":null}}", "cancel cannot be undone");
  }

  @Test
  void editingARunsDescriptionIsRefused() {
    var run = create(RUN.formatted(next("r"), ""));
    assertRefused(
        run,
        "{\"spec\":{\"description\":\"weekly\"}}",
        "spec.description: Invalid value: description is immutable: create a new CustomJobRun instead");
  }

  @Test
  void pointingARunAtAnotherJobIsRefused() {
    var run = create(RUN.formatted(next("r"), ""));
    assertRefused(
        run, "{\"spec\":{\"customJobRef\":{\"name\":\"other\"}}}", "customJobRef is immutable");
  }

  @Test
  void addingRuntimeParameterValuesToARunIsRefused() {
    var run = create(RUN.formatted(next("r"), ""));
    assertRefused(
        run,
        "{\"spec\":{\"runtimeParameterValues\":[{\"fieldName\":\"EPOCHS\",\"type\":\"numeric\",\"value\":3}]}}",
        "runtimeParameterValues is immutable");
  }

  private static String next(String prefix) {
    return prefix + "-" + NAMES.incrementAndGet();
  }

  private static Resource<GenericKubernetesResource> create(String json) {
    GenericKubernetesResource resource =
        cluster
            .client()
            .getKubernetesSerialization()
            .unmarshal(json, GenericKubernetesResource.class);
    resource.getMetadata().setNamespace(cluster.namespace());
    GenericKubernetesResource created = cluster.client().resource(resource).create();
    return cluster.client().resource(created);
  }

  private static GenericKubernetesResource mergePatch(
      Resource<GenericKubernetesResource> resource, String patch) {
    return resource.patch(PatchContext.of(PatchType.JSON_MERGE), patch);
  }

  private static void assertRefused(
      Resource<GenericKubernetesResource> resource, String patch, String expectedMessage) {
    KubernetesClientException refused =
        catchThrowableOfType(KubernetesClientException.class, () -> mergePatch(resource, patch));
    assertThat(refused).as("patch %s was accepted", patch).isNotNull();
    assertThat(refused.getCode()).as(Manifests.refusal(refused)).isEqualTo(422);
    assertThat(Manifests.refusal(refused)).contains(expectedMessage);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource resource) {
    return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
  }
}
