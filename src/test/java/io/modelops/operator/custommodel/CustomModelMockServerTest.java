package io.modelops.operator.custommodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.Operator;
import io.modelops.operator.api.v1alpha1.common.Condition;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.bootstrap.Controllers;
import io.modelops.operator.config.OperatorConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reconciler edge cases on fabric8's CRUD mock server (no admission, no SSA: the operator runs with
 * SSA switched off: the mock server does not implement server-side apply). The real control plane
 * covers the happy paths.
 */
@EnableKubernetesMockClient(crud = true)
class CustomModelMockServerTest {
  static final String NS = "team-a";
  KubernetesClient client;
  Operator operator;

  @BeforeEach
  void start() {
    OperatorConfig config =
        new OperatorConfig(null, null, null, null, List.of(NS), false, null, null, 0);
    operator =
        new Operator(
            o ->
                o.withKubernetesClient(client)
                    .withCloseClientOnStop(false)
                    .withSSABasedCreateUpdateMatchForDependentResources(false)
                    .withUseSSAToPatchPrimaryResource(false));
    Controllers.register(operator, config, Controllers.all(config));
    operator.start();
  }

  @AfterEach
  void stop() {
    operator.stop();
  }

  <T extends io.fabric8.kubernetes.api.model.HasMetadata> void create(Class<T> type, String yaml) {
    client.resource(Serialization.unmarshal(yaml, type)).create();
  }

  Condition ready(String model) {
    CustomModel m = client.resources(CustomModel.class).inNamespace(NS).withName(model).get();
    assertThat(m.getStatus()).isNotNull();
    return m.getStatus().getConditions().stream()
        .filter(c -> c.getType().equals("Ready"))
        .findFirst()
        .orElseThrow();
  }

  void modelAndVersion(String model, String envName, String extraVersionSpec) {
    create(
        CustomModel.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModel
        metadata: {name: %s, namespace: %s}
        spec: {targetType: Regression, targetName: y, activeVersion: %s-v1}
        """
            .formatted(model, NS, model));
    create(
        CustomModelVersion.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModelVersion
        metadata: {name: %s-v1, namespace: %s}
        spec:
          customModelRef: {name: %s}
          environment: {name: %s}
          code: {configMap: {name: code}}
        %s
        """
            .formatted(model, NS, model, envName, extraVersionSpec.indent(2)));
  }

  @Test
  void missingEnvironmentAndCodeAreReportedTogetherAndNothingIsCreated() {
    modelAndVersion("lost", "no-such-env", "");
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Condition ready = ready("lost");
              assertThat(ready.getReason()).isEqualTo("EnvironmentNotFound");
              assertThat(ready.getMessage())
                  .isEqualTo(
                      "version lost-v1: spec.environment.name:"
                          + " ExecutionEnvironment \"no-such-env\" does not exist; version lost-v1:"
                          + " spec.code.configMap.name: ConfigMap \"code\" does not exist in namespace team-a");
            });
    assertThat(client.apps().deployments().inNamespace(NS).list().getItems()).isEmpty();
    assertThat(client.services().inNamespace(NS).list().getItems()).isEmpty();
  }

  @Test
  void missingCredentialSecretIsRefusedByNameAndNeverServed() {
    create(
        ExecutionEnvironment.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: ExecutionEnvironment
        metadata: {name: py}
        spec: {programmingLanguage: python, versions: [{label: "1", image: "python:3.11"}]}
        """);
    create(
        ConfigMap.class,
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: code, namespace: team-a}
        data: {start_server.sh: "exit 0"}
        """);
    modelAndVersion(
        "secretive",
        "py",
        """
        runtimeParameterDefinitions: [{fieldName: DB, type: credential}]
        runtimeParameterValues: [{fieldName: DB, type: credential, value: {secretRef: {name: db}}}]
        """);
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Condition ready = ready("secretive");
              assertThat(ready.getReason()).isEqualTo("SecretNotFound");
              assertThat(ready.getMessage())
                  .isEqualTo(
                      "version secretive-v1: runtime parameter DB"
                          + " secretRef: Secret \"db\" does not exist in namespace team-a");
            });
    CustomModelVersion v =
        client.resources(CustomModelVersion.class).inNamespace(NS).withName("secretive-v1").get();
    assertThat(v.getStatus().getPhase().name()).isEqualTo("INVALID");
    assertThat(client.apps().deployments().inNamespace(NS).list().getItems()).isEmpty();
  }
}
