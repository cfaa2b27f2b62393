package io.modelops.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.api.v1alpha1.resourcebundle.ResourceBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java model reads every example and reference manifest and writes back exactly the same spec:
 * it knows every field and adds nothing on the client side (no defaults, no empty objects).
 */
class JavaModelRoundTripTest {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final Map<String, Class<? extends CustomResource<?, ?>>> CLASSES =
      Map.of(
          "CustomModel", CustomModel.class,
          "CustomModelVersion", CustomModelVersion.class,
          "CustomJob", CustomJob.class,
          "CustomJobRun", CustomJobRun.class,
          "CustomModelTest", CustomModelTest.class,
          "ResourceBundle", ResourceBundle.class,
          "ExecutionEnvironment", ExecutionEnvironment.class);

  static List<Manifests.Doc> customResources() throws Exception {
    List<Manifests.Doc> docs = new ArrayList<>(Manifests.examples());
    docs.addAll(Manifests.referenceManifests());
    return docs.stream()
        .filter(d -> CLASSES.containsKey(d.manifest().get("kind").asText()))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("customResources")
  void specSurvivesTheJavaModelUnchanged(Manifests.Doc doc) {
    ObjectNode manifest = doc.manifest();
    CustomResource<?, ?> resource =
        SERIALIZATION.convertValue(manifest, CLASSES.get(manifest.get("kind").asText()));
    JsonNode written = SERIALIZATION.convertValue(resource, JsonNode.class);

    assertThat(JsonTrees.same(manifest.get("spec"), written.get("spec")))
        .as(
            "spec after the Java model:%n read:    %s%n written: %s",
            manifest.get("spec"), written.get("spec"))
        .isTrue();
    assertThat(written.has("status")).as("no status appears on the client side").isFalse();
  }
}
