package io.modelops.operator.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.Map;
import java.util.Optional;

/** Typical inputs for tests: a served model and a job run, each with ConfigMap code. */
final class Workloads {
  static final OperatorPodSettings SETTINGS = new OperatorPodSettings("alpine/git:2.47.2");
  static final Map<String, String> SELECTOR =
      Map.of("app.kubernetes.io/instance", "churn", "modelops.io/model", "churn");

  private Workloads() {}

  static WorkloadInputs.Builder model() {
    return WorkloadInputs.builder(
            "model",
            "python:3.11-slim",
            new CodeOrigin.ConfigMapCode("churn-code-v2"),
            "start_server.sh",
            SETTINGS)
        .serving(new ModelServer(ModelServer.DEFAULT_PORT, ""))
        .podLabels(SELECTOR);
  }

  /** A builder holding {@code inputs}, to derive a variant. */
  static WorkloadInputs.Builder toBuilder(WorkloadInputs inputs) {
    return WorkloadInputs.builder(
            inputs.containerName(),
            inputs.image(),
            inputs.code(),
            inputs.entryPoint(),
            inputs.operatorSettings())
        .environment(inputs.environment())
        .runtimeParameters(inputs.runtimeParameters())
        .requiredMetadata(inputs.requiredMetadata())
        .resources(inputs.resources())
        .podLabels(inputs.podLabels())
        .podAnnotations(inputs.podAnnotations())
        .serving(inputs.serving())
        .hostAntiAffinity(inputs.hostAntiAffinity())
        .replicaSpread(inputs.replicaSpread())
        .placement(inputs.placement())
        .imagePullSecrets(inputs.imagePullSecrets())
        .workerConfig(inputs.workerConfig())
        .configMapMounts(inputs.configMapMounts());
  }

  static WorkloadInputs.Builder job() {
    return WorkloadInputs.builder(
        "job",
        "python:3.11-slim",
        new CodeOrigin.ConfigMapCode("retrain-code"),
        "run.sh",
        SETTINGS);
  }

  static CodeOrigin.GitCode git(Optional<SecretKey> credentials) {
    return new CodeOrigin.GitCode(
        "https://git.example.com/team/models.git", "v2", "models/churn", credentials);
  }

  static PodSpec spec(WorkloadInputs.Builder inputs) {
    return PodAssembly.podTemplate(inputs.build()).getSpec();
  }

  static PodTemplateSpec pod(WorkloadInputs.Builder inputs) {
    return PodAssembly.podTemplate(inputs.build());
  }

  static Container main(WorkloadInputs.Builder inputs) {
    return spec(inputs).getContainers().get(0);
  }

  static Container init(WorkloadInputs.Builder inputs) {
    return spec(inputs).getInitContainers().get(0);
  }

  static Map<String, String> environment(WorkloadInputs.Builder inputs) {
    return KubeletEnvironment.resolve(main(inputs), Map.of());
  }
}
