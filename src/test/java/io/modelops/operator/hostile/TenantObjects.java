package io.modelops.operator.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.testing.Manifests;
import io.modelops.operator.testing.SimulatedImages;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The tenants of a hostile case: namespaces of their own (restricted Pod Security), an environment,
 * and models that serve, so a case can show that another tenant keeps serving.
 */
final class TenantObjects {
  private TenantObjects() {}

  /** A new namespace enforcing Pod Security "restricted". */
  static String namespace(KubernetesClient client, String prefix) {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(
                    Map.of(
                        "pod-security.kubernetes.io/enforce", "restricted",
                        "pod-security.kubernetes.io/enforce-version", "latest"))
                .endMetadata()
                .build())
        .create();
    return name;
  }

  /** An environment whose versions run (ok), never finish (forever) or cannot be pulled. */
  static void environment(KubernetesClient client, String name) {
    Manifests.applyClusterScoped(
        client,
        ExecutionEnvironment.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: ExecutionEnvironment
        metadata: {name: %s}
        spec:
          programmingLanguage: python
          versions:
            - {label: ok, image: "python:3.11-slim"}
            - {label: forever, image: "%s"}
            - {label: no-pull, image: "%s"}
        """
            .formatted(name, SimulatedImages.RUNS_FOREVER, SimulatedImages.IMAGE_PULL_FAILURE));
  }

  /** A model {@code name} with one version in {@code environment}, its code in a ConfigMap. */
  static void model(
      KubernetesClient client, String namespace, String name, String environment, String extra) {
    Manifests.apply(
        client,
        namespace,
        ConfigMap.class,
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: %s-code}
        data: {start_server.sh: "#!/bin/sh\\nexec python -m http.server \\"$PORT\\"\\n"}
        """
            .formatted(name));
    Manifests.apply(
        client,
        namespace,
        CustomModel.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModel
        metadata: {name: %s}
        spec:
          targetType: Regression
          targetName: y
        %s
        """
            .formatted(name, extra.indent(2)));
    Manifests.apply(
        client,
        namespace,
        CustomModelVersion.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModelVersion
        metadata: {name: %s-v1}
        spec:
          customModelRef: {name: %s}
          environment: {name: %s, version: ok}
          code: {configMap: {name: %s-code}}
        """
            .formatted(name, name, environment, name));
  }

  /** Waits until the model is Ready with all its replicas available. */
  static void awaitServing(KubernetesClient client, String namespace, String name) {
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(() -> assertServing(client, namespace, name));
  }

  /** The model is Ready now and its Deployment's pods are available. */
  static void assertServing(KubernetesClient client, String namespace, String name) {
    CustomModel model =
        client.resources(CustomModel.class).inNamespace(namespace).withName(name).get();
    assertThat(model.getStatus().getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Ready");
              assertThat(c.getStatus()).isEqualTo(ConditionStatus.TRUE);
            });
    assertThat(model.getStatus().getReadyReplicas()).isPositive();
  }
}
