package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a Deployment's {@code spec.replicas} from the operator's server-side apply over to an
 * autoscaler without changing it. Leaving a field out of an apply removes it when no other manager
 * owns it, and Kubernetes would then default the replicas to 1. So, once, a second field manager
 * ({@value #MANAGER}) applies the current value alone — the field becomes co-owned — and only then
 * does the operator's apply leave it out. The first change the autoscaler makes through the scale
 * subresource takes the field over from that manager; the operator's applies never mention it again
 * while the autoscaler exists. This is the transfer the Kubernetes documentation describes for
 * moving a Deployment to a HorizontalPodAutoscaler under server-side apply.
 */
final class ReplicasHandover {
  static final String MANAGER = "modelops-operator-replicas-handover";
  private static final Logger LOG = LoggerFactory.getLogger(ReplicasHandover.class);

  private ReplicasHandover() {}

  /** Hands over, if {@code fieldManager}'s apply still owns the replicas of {@code actual}. */
  static void handOver(KubernetesClient client, Deployment actual, String fieldManager) {
    if (!appliedReplicas(actual, fieldManager) || actual.getSpec().getReplicas() == null) {
      return;
    }
    Deployment replicasOnly =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName(actual.getMetadata().getName())
            .withNamespace(actual.getMetadata().getNamespace())
            .endMetadata()
            .withNewSpec()
            .withReplicas(actual.getSpec().getReplicas())
            .endSpec()
            .build();
    // Not forced: the same value never conflicts; a value that moved since the cache saw it is a
    // conflict, retried with the new value rather than written back.
    client.resource(replicasOnly).fieldManager(MANAGER).serverSideApply();
    LOG.info(
        "{}/{}: spec.replicas ({}) handed over to the autoscaler",
        actual.getMetadata().getNamespace(),
        actual.getMetadata().getName(),
        actual.getSpec().getReplicas());
  }

  /** Whether {@code fieldManager}'s apply entry owns {@code spec.replicas}. */
  static boolean appliedReplicas(Deployment deployment, String fieldManager) {
    if (deployment.getMetadata().getManagedFields() == null) {
      return false;
    }
    for (ManagedFieldsEntry entry : deployment.getMetadata().getManagedFields()) {
      if (fieldManager.equals(entry.getManager())
          && "Apply".equals(entry.getOperation())
          && entry.getFieldsV1() != null
          && entry.getFieldsV1().getAdditionalProperties().get("f:spec") instanceof Map<?, ?> spec
          && spec.containsKey("f:replicas")) {
        return true;
      }
    }
    return false;
  }
}
