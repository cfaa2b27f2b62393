package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModelSpec;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.custommodelversion.CustomModelVersionValidator;
import io.modelops.operator.naming.ModelLabels;
import io.modelops.operator.naming.WireNames;
import io.modelops.operator.pod.ComputeResources;
import io.modelops.operator.pod.HostAntiAffinity;
import io.modelops.operator.pod.ModelServer;
import io.modelops.operator.pod.OperatorPodSettings;
import io.modelops.operator.pod.PodAssembly;
import io.modelops.operator.pod.PodInputs;
import io.modelops.operator.pod.ReplicaSpread;
import io.modelops.operator.pod.WorkloadInputs;
import io.modelops.operator.validation.PullSecrets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pod of a served version: the shared {@link PodAssembly} with the model server contract (PORT,
 * URL_PREFIX, readiness on {@code GET $URL_PREFIX/}), the target description in the environment,
 * and host anti-affinity for models that require high availability. Its inputs passed {@link
 * CustomModelValidator}, so assembly has nothing to refuse; the variables set here are the ones
 * {@link io.modelops.operator.custommodelversion.CustomModelVersionValidator#SERVING_POD_VARIABLES}
 * keeps required metadata away from.
 */
public final class ModelPod {
  private ModelPod() {}

  static PodTemplateSpec template(CustomModel model, ServingPlan plan) {
    String modelName = model.getMetadata().getName();
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(ModelLabels.MODEL_NAME_ANNOTATION, modelName);
    var serving = plan.serving();
    HaScheduling ha = HaScheduling.of(serving, plan.config());
    var inputs =
        server(model, plan.target(), plan.version(), serving, plan.urlPrefix(), plan.config())
            .podLabels(ModelLabels.version(modelName, plan.target(), plan.deploymentName()))
            .podAnnotations(annotations)
            .hostAntiAffinity(
                ha == HaScheduling.HOST_ANTI_AFFINITY
                    ? Optional.of(new HostAntiAffinity(ModelLabels.selector(modelName)))
                    : Optional.empty())
            .replicaSpread(
                ha == HaScheduling.SPREAD
                    ? Optional.of(new ReplicaSpread(ModelLabels.selector(modelName, plan.target())))
                    : Optional.empty())
            .build();
    return PodAssembly.podTemplate(inputs);
  }

  /**
   * The model server of {@code versionName} of {@code model}, as every pod that runs it has it:
   * image, code, entry point, the target description in the environment, runtime parameters,
   * required metadata, resources, the server contract, the bundle's placement and the pull secrets.
   * Serving adds its labels and affinity; a model test runs the same server beside its tester.
   */
  public static WorkloadInputs.Builder server(
      CustomModel model,
      String versionName,
      CustomModelVersionValidator.Resolved version,
      EffectiveServing.Resolved serving,
      String urlPrefix,
      OperatorConfig config) {
    String modelName = model.getMetadata().getName();
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
    return WorkloadInputs.builder(
            "model",
            version.environment().image(),
            version.code(),
            version.entryPoint(),
            OperatorPodSettings.from(config))
        .environment(PodInputs.environment(env))
        .runtimeParameters(version.podParameters())
        .requiredMetadata(version.metadata())
        .resources(new ComputeResources(serving.requests(), serving.limits()))
        .serving(new ModelServer(ServingPlanner.PORT, urlPrefix))
        .placement(serving.placement())
        .imagePullSecrets(PullSecrets.of(version.environment(), config));
  }
}
