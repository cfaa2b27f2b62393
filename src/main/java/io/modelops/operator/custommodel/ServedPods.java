package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.modelops.operator.naming.ModelLabels;
import io.modelops.operator.naming.Names;
import io.modelops.operator.reconcile.ControllerReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pods of a model's own Deployments, among the pods its informer delivered. A pod counts only
 * when its controller is a ReplicaSet of one of those Deployments ({@code
 * <deployment>-<pod-template-hash>}, the name the Deployment controller gives it): a pod someone
 * created with the model's labels and annotations never makes the model Degraded or Ready.
 */
final class ServedPods {
  static final String TEMPLATE_HASH = "pod-template-hash";

  private ServedPods() {}

  static List<Pod> of(List<Pod> pods, List<Deployment> deployments) {
    Set<String> names =
        deployments.stream().map(d -> d.getMetadata().getName()).collect(Collectors.toSet());
    return pods.stream().filter(p -> servedBy(p, names)).toList();
  }

  /** The served pods of one version (none when there is no target version). */
  static List<Pod> ofVersion(
      List<Pod> pods, List<Deployment> deployments, Optional<String> version) {
    return version
        .map(
            v ->
                of(pods, deployments).stream()
                    .filter(
                        p ->
                            Names.labelValue(v)
                                .equals(p.getMetadata().getLabels().get(ModelLabels.VERSION)))
                    .toList())
        .orElse(List.of());
  }

  private static boolean servedBy(Pod pod, Set<String> deployments) {
    String hash =
        Optional.ofNullable(pod.getMetadata().getLabels())
            .map((Map<String, String> l) -> l.get(TEMPLATE_HASH))
            .orElse(null);
    if (hash == null) {
      return false;
    }
    return ControllerReference.of(pod)
        .filter(r -> "ReplicaSet".equals(r.getKind()) && r.getName().endsWith("-" + hash))
        .map(r -> r.getName().substring(0, r.getName().length() - hash.length() - 1))
        .filter(deployments::contains)
        .isPresent();
  }
}
