package io.modelops.operator.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.modelops.operator.api.v1alpha1.common.Condition;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.custommodel.ServingPlanner;
import io.modelops.operator.testing.InProcessOperator;
import io.modelops.operator.testing.LocalClusterExtension;
import io.modelops.operator.testing.Manifests;
import io.modelops.operator.testing.SimulatedImages;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The stage of the hostile-manifest tests: a hostile tenant's namespace (the extension's) and a
 * bystander tenant's namespace whose model serves throughout, one operator watching both, and an
 * ExecutionEnvironment whose "broken" version cannot be pulled. Every case ends with {@link
 * #bystanderKeepsServing()}: the other tenant's model still serves and the operator still
 * reconciles.
 */
final class Tenants implements AutoCloseable {
  static final String CODE = "tenant-code";
  static final String BYSTANDER_MODEL = "steady";

  final KubernetesClient client;
  final String hostile;
  final String bystander;
  final String env;
  final InProcessOperator operator;

  private Tenants(LocalClusterExtension cluster) {
    client = cluster.client();
    hostile = cluster.namespace();
    bystander = "bystander-" + UUID.randomUUID().toString().substring(0, 6);
    env = "env-" + hostile;
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(bystander)
                .addToLabels("pod-security.kubernetes.io/enforce", "restricted")
                .endMetadata()
                .build())
        .create();
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
            - {label: "1.0", image: "python:3.11-slim"}
            - {label: "broken", image: "%s"}
        """
            .formatted(env, SimulatedImages.IMAGE_PULL_FAILURE));
    for (String ns : List.of(hostile, bystander)) {
      Manifests.apply(
          client,
          ns,
          ConfigMap.class,
          """
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: %s}
          data:
            start_server.sh: |
              #!/bin/sh
              exec python -m http.server "$PORT"
            run.sh: "#!/bin/sh\\necho done\\n"
          """
              .formatted(CODE));
    }
    operator = InProcessOperator.start(client, hostile, bystander);
    model(bystander, BYSTANDER_MODEL, "");
    version(bystander, BYSTANDER_MODEL + "-v1", BYSTANDER_MODEL, "1.0");
    awaitReady(bystander, BYSTANDER_MODEL);
  }

  static Tenants start(LocalClusterExtension cluster) {
    return new Tenants(cluster);
  }

  CustomModel model(String ns, String name, String extraSpec) {
    return Manifests.apply(
        client,
        ns,
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
            .formatted(name, extraSpec.indent(2)));
  }

  CustomModelVersion version(String ns, String name, String model, String envVersion) {
    return Manifests.apply(
        client,
        ns,
        CustomModelVersion.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModelVersion
        metadata: {name: %s}
        spec:
          customModelRef: {name: %s}
          environment: {name: %s, version: "%s"}
          code: {configMap: {name: %s}}
        """
            .formatted(name, model, env, envVersion, CODE));
  }

  CustomModel getModel(String ns, String name) {
    return client.resources(CustomModel.class).inNamespace(ns).withName(name).get();
  }

  static Optional<Condition> condition(CustomModel model, String type) {
    return model.getStatus() == null || model.getStatus().getConditions() == null
        ? Optional.empty()
        : model.getStatus().getConditions().stream()
            .filter(c -> c.getType().equals(type))
            .findFirst();
  }

  void awaitReady(String ns, String name) {
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(120))
        .untilAsserted(
            () -> {
              CustomModel m = getModel(ns, name);
              assertThat(m.getStatus().getObservedGeneration())
                  .isEqualTo(m.getMetadata().getGeneration());
              assertThat(condition(m, "Ready").orElseThrow().getStatus())
                  .isEqualTo(ConditionStatus.TRUE);
              assertThat(m.getStatus().getPhase().name()).isEqualTo("ACTIVE");
            });
  }

  /** Warning events the operator recorded about {@code name} in {@code ns} with {@code reason}. */
  List<Event> warnings(String ns, String name, String reason) {
    return client.events().v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> "Warning".equals(e.getType()))
        .filter(e -> reason.equals(e.getReason()))
        .filter(e -> e.getRegarding() != null && name.equals(e.getRegarding().getName()))
        .toList();
  }

  /**
   * The other tenant's model still serves (Ready, its Deployment Available) and the operator still
   * reconciles: a change to that model is observed.
   */
  void bystanderKeepsServing() {
    awaitReady(bystander, BYSTANDER_MODEL);
    Deployment d =
        client.apps().deployments().inNamespace(bystander).withName(BYSTANDER_MODEL + "-v1").get();
    assertThat(ServingPlanner.isAvailable(d)).isTrue();
    Manifests.mergePatch(
        client,
        CustomModel.class,
        bystander,
        BYSTANDER_MODEL,
        "{\"spec\":{\"description\":\"checked " + UUID.randomUUID() + "\"}}");
    awaitReady(bystander, BYSTANDER_MODEL);
  }

  @Override
  public void close() {
    operator.close();
    client.namespaces().withName(bystander).delete();
    client.resources(ExecutionEnvironment.class).withName(env).delete();
  }
}
