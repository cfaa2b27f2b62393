package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModelSpec;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.custommodelversion.VersionResolution;
import io.modelops.operator.workload.WireNames;
import io.modelops.operator.pod.ComputeResources;
import io.modelops.operator.pod.HostAntiAffinity;
import io.modelops.operator.pod.OperatorPodSettings;
import io.modelops.operator.pod.PodAssembly;
import io.modelops.operator.pod.Serving;
import io.modelops.operator.pod.WorkloadInputs;
import io.modelops.operator.workload.PodInputs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pod of a served version: the shared {@link PodAssembly} with the model server
 * contract (PORT, URL_PREFIX, readiness on {@code GET $URL_PREFIX/}), the target description in
 * the environment, and host anti-affinity for models that require high availability.
 */
public final class ModelPod {
  private ModelPod() {}

  static PodTemplateSpec template(CustomModel model, CustomModelVersion version,
      VersionResolution.Resolved resolved, EffectiveServing.Resolved serving,
      String deploymentName, String urlPrefix, int port, OperatorConfig config) {
    String modelName = model.getMetadata().getName();
    String versionName = version.getMetadata().getName();
    Map<String, String> env = new LinkedHashMap<>();
    CustomModelSpec spec = model.getSpec();
    env.put("TARGET_TYPE", WireNames.of(spec.getTargetType()));
    if (spec.getTargetName() != null) {
      env.put("TARGET_NAME", spec.getTargetName());
    }
    if (spec.getPositiveClassLabel() != null) {
      env.put("POSITIVE_CLASS_LABEL", spec.getPositiveClassLabel());
      env.put("NEGATIVE_CLASS_LABEL", spec.getNegativeClassLabel());
    }
    if (spec.getPredictionThreshold() != null) {
      env.put("PREDICTION_THRESHOLD", spec.getPredictionThreshold().toString());
    }
    if (spec.getClassLabels() != null && !spec.getClassLabels().isEmpty()) {
      env.put("CLASS_LABELS", String.join("\n", spec.getClassLabels()));
    }
    env.put("MODELOPS_MODEL", modelName);
    env.put("MODELOPS_MODEL_VERSION", versionName);

    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(CustomModelReconciler.MODEL_NAME_ANNOTATION, modelName);
    var inputs = WorkloadInputs.builder("model", resolved.environment().image(),
            PodInputs.code(version.getSpec().getCode()),
            Optional.ofNullable(version.getSpec().getEntryPoint()).orElse("start_server.sh"),
            OperatorPodSettings.from(config))
        .environment(PodInputs.environment(env))
        .runtimeParameters(PodInputs.parameters(resolved.parameters()))
        .requiredMetadata(resolved.metadata())
        .resources(new ComputeResources(serving.requests(), serving.limits()))
        .podLabels(ModelLabels.version(modelName, versionName, deploymentName))
        .podAnnotations(annotations)
        .serving(new Serving(port, urlPrefix))
        .hostAntiAffinity(serving.requiresHa()
            ? Optional.of(new HostAntiAffinity(ModelLabels.selector(modelName)))
            : Optional.empty())
        .build();
    return PodAssembly.podTemplate(inputs);
  }
}
