package io.modelops.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

class SchemaPatchTest {
  @Test
  void mergesNestedPropertiesWithoutDroppingGeneratedOnes() {
    JSONSchemaProps generated =
        new JSONSchemaPropsBuilder()
            .withType("object")
            .addToProperties("names", new JSONSchemaPropsBuilder().withType("array").build())
            .addToProperties("other", new JSONSchemaPropsBuilder().withType("string").build())
            .build();

    JSONSchemaProps patched =
        new SchemaPatch()
            .apply(
                generated,
                "{\"properties\":{\"names\":{\"x-kubernetes-list-type\":\"set\"}}}",
                new KubernetesSerialization());

    assertThat(patched.getProperties()).containsOnlyKeys("names", "other");
    assertThat(patched.getProperties().get("names").getType()).isEqualTo("array");
    assertThat(patched.getProperties().get("names").getXKubernetesListType()).isEqualTo("set");
    assertThat(patched.getProperties().get("other").getType()).isEqualTo("string");
  }

  @Test
  void replacesListsAndScalars() {
    JSONSchemaProps generated =
        new JSONSchemaPropsBuilder().withType("object").withRequired("a", "b").build();

    JSONSchemaProps patched =
        new SchemaPatch()
            .apply(
                generated,
                "{\"required\":[\"c\"],\"description\":\"d\"}",
                new KubernetesSerialization());

    assertThat(patched.getRequired()).containsExactly("c");
    assertThat(patched.getDescription()).isEqualTo("d");
  }
}
