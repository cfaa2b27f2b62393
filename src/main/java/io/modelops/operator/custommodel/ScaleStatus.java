package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModelStatus;
import io.modelops.operator.naming.ModelLabels;
import io.modelops.operator.naming.Names;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The scale part of a CustomModel's status that does not depend on a plan: how many pods of the
 * served version exist now ({@code currentReplicas}) and the label selector of the served pods
 * ({@code selector}, read by an autoscaler that targets the model through its scale subresource).
 */
final class ScaleStatus {
  private ScaleStatus() {}

  static void report(CustomModelStatus status, CustomModel model, Optional<Deployment> served) {
    status.setCurrentReplicas(
        served
            .map(Deployment::getStatus)
            .map(s -> s.getReplicas() == null ? 0 : s.getReplicas())
            .orElse(0));
    String modelName = model.getMetadata().getName();
    Map<String, String> labels =
        served
            .map(d -> d.getMetadata().getLabels().get(ModelLabels.VERSION))
            .map(
                version ->
                    Map.of(
                        ModelLabels.MODEL,
                        Names.labelValue(modelName),
                        ModelLabels.VERSION,
                        version))
            .orElse(ModelLabels.selector(modelName));
    status.setSelector(selector(labels));
  }

  /** A match-labels selector as a string, keys sorted: {@code a=1,b=2}. */
  static String selector(Map<String, String> labels) {
    return new TreeMap<>(labels)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));
  }
}
