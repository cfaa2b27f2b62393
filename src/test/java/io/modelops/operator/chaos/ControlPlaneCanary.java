package io.modelops.operator.chaos;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A plain Deployment the operator knows nothing about, rolled out at the same moment as a batch of
 * model changes: how long the control plane alone (kube-controller-manager, kube-scheduler, kwok)
 * takes to roll out a new ReplicaSet. After an API server outage that time includes the components'
 * own watch reconnection, which a model's convergence waits for too and the operator cannot
 * shorten.
 */
final class ControlPlaneCanary {
  static final String NAME = "control-plane-canary";

  private final KubernetesClient client;
  private final String ns;
  private int rollouts;

  ControlPlaneCanary(KubernetesClient client, String ns) {
    this.client = client;
    this.ns = ns;
    client
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName(NAME)
                .withNamespace(ns)
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .withNewSelector()
                .withMatchLabels(Map.of("app", NAME))
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(Map.of("app", NAME))
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("canary")
                .withImage("python:3.11-slim")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .serverSideApply();
  }

  /** Starts a new rollout now (a new pod template), without waiting. */
  void roll() {
    rollouts++;
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName(NAME)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"chaos/rollout\":\""
                + rollouts
                + "\"}}}}}");
  }

  /** Waits until the last rollout is complete; seconds since {@code t0} (nanoTime), or NaN. */
  double awaitRolledOut(long t0, Duration timeout) throws InterruptedException {
    long deadline = t0 + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (rolledOut(client.apps().deployments().inNamespace(ns).withName(NAME).get())) {
          return (System.nanoTime() - t0) / 1e9;
        }
      } catch (RuntimeException e) {
        // not answering yet
      }
      Thread.sleep(200);
    }
    return Double.NaN;
  }

  private boolean rolledOut(Deployment d) {
    if (d == null || d.getStatus() == null) {
      return false;
    }
    var annotations = d.getSpec().getTemplate().getMetadata().getAnnotations();
    int want = d.getSpec().getReplicas();
    return annotations != null
        && Objects.equals(annotations.get("chaos/rollout"), Integer.toString(rollouts))
        && Objects.equals(d.getStatus().getObservedGeneration(), d.getMetadata().getGeneration())
        && orZero(d.getStatus().getUpdatedReplicas()) == want
        && orZero(d.getStatus().getAvailableReplicas()) == want
        && orZero(d.getStatus().getReplicas()) == want;
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }
}
