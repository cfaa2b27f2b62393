package io.modelops.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Proves the local control plane is a real cluster: scheduling, kwok nodes, admission. */
@Tag("cluster")
class LocalControlPlaneTest {
  @RegisterExtension
  static LocalClusterExtension cluster = new LocalClusterExtension().withRestrictedPodSecurity();

  @Test
  void hasAtLeastTwoReadyKwokNodes() {
    var nodes = cluster.client().nodes().withLabel("type", "kwok").list().getItems();
    assertThat(nodes).hasSizeGreaterThanOrEqualTo(2);
    assertThat(nodes)
        .allSatisfy(
            n ->
                assertThat(n.getStatus().getConditions())
                    .anySatisfy(
                        c -> {
                          assertThat(c.getType()).isEqualTo("Ready");
                          assertThat(c.getStatus()).isEqualTo("True");
                        }));
  }

  @Test
  void deploymentBecomesAvailableOnKwokNodes() {
    Deployment deployment =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName("web")
            .endMetadata()
            .withNewSpec()
            .withReplicas(2)
            .withNewSelector()
            .withMatchLabels(Map.of("app", "web"))
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .withLabels(Map.of("app", "web"))
            .endMetadata()
            .withSpec(restrictedPod("nginx:1.27"))
            .endTemplate()
            .endSpec()
            .build();
    cluster
        .client()
        .apps()
        .deployments()
        .inNamespace(cluster.namespace())
        .resource(deployment)
        .create();

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              Deployment current =
                  cluster
                      .client()
                      .apps()
                      .deployments()
                      .inNamespace(cluster.namespace())
                      .withName("web")
                      .get();
              assertThat(current.getStatus().getAvailableReplicas()).isEqualTo(2);
              assertThat(current.getStatus().getConditions())
                  .anySatisfy(
                      c -> {
                        assertThat(c.getType()).isEqualTo("Available");
                        assertThat(c.getStatus()).isEqualTo("True");
                      });
            });
    var pods =
        cluster
            .client()
            .pods()
            .inNamespace(cluster.namespace())
            .withLabel("app", "web")
            .list()
            .getItems();
    var kwokNodes =
        cluster.client().nodes().withLabel("type", "kwok").list().getItems().stream()
            .map(n -> n.getMetadata().getName())
            .toList();
    assertThat(pods)
        .hasSize(2)
        .extracting(p -> p.getSpec().getNodeName())
        .allSatisfy(node -> assertThat(kwokNodes).contains(node));
  }

  @Test
  void jobPodCompletesAndJobSucceeds() {
    PodSpec spec = restrictedPod("busybox:1.36");
    spec.setRestartPolicy("Never");
    Job job =
        new JobBuilder()
            .withNewMetadata()
            .withName("once")
            .endMetadata()
            .withNewSpec()
            .withBackoffLimit(0)
            .withNewTemplate()
            .withSpec(spec)
            .endTemplate()
            .endSpec()
            .build();
    cluster.client().batch().v1().jobs().inNamespace(cluster.namespace()).resource(job).create();

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              Job current =
                  cluster
                      .client()
                      .batch()
                      .v1()
                      .jobs()
                      .inNamespace(cluster.namespace())
                      .withName("once")
                      .get();
              assertThat(current.getStatus().getSucceeded()).isEqualTo(1);
              assertThat(current.getStatus().getConditions())
                  .anySatisfy(c -> assertThat(c.getType()).isEqualTo("Complete"));
            });
  }

  @Test
  void reservedImagesSimulateImagePullFailureAndFailingJobs() {
    Deployment broken =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName("broken")
            .endMetadata()
            .withNewSpec()
            .withNewSelector()
            .withMatchLabels(Map.of("app", "broken"))
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .withLabels(Map.of("app", "broken"))
            .endMetadata()
            .withSpec(restrictedPod(SimulatedImages.IMAGE_PULL_FAILURE))
            .endTemplate()
            .endSpec()
            .build();
    cluster
        .client()
        .apps()
        .deployments()
        .inNamespace(cluster.namespace())
        .resource(broken)
        .create();
    PodSpec failing = restrictedPod(SimulatedImages.EXIT_3);
    failing.setRestartPolicy("Never");
    cluster
        .client()
        .batch()
        .v1()
        .jobs()
        .inNamespace(cluster.namespace())
        .resource(
            new JobBuilder()
                .withNewMetadata()
                .withName("fails")
                .endMetadata()
                .withNewSpec()
                .withBackoffLimit(0)
                .withNewTemplate()
                .withSpec(failing)
                .endTemplate()
                .endSpec()
                .build())
        .create();

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              Pod pod =
                  cluster
                      .client()
                      .pods()
                      .inNamespace(cluster.namespace())
                      .withLabel("app", "broken")
                      .list()
                      .getItems()
                      .get(0);
              assertThat(
                      pod.getStatus()
                          .getContainerStatuses()
                          .get(0)
                          .getState()
                          .getWaiting()
                          .getReason())
                  .isEqualTo("ImagePullBackOff");
            });
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              Job job =
                  cluster
                      .client()
                      .batch()
                      .v1()
                      .jobs()
                      .inNamespace(cluster.namespace())
                      .withName("fails")
                      .get();
              assertThat(job.getStatus().getFailed()).isEqualTo(1);
              assertThat(job.getStatus().getConditions())
                  .anySatisfy(c -> assertThat(c.getType()).isEqualTo("Failed"));
              Pod pod =
                  cluster
                      .client()
                      .pods()
                      .inNamespace(cluster.namespace())
                      .withLabel("job-name", "fails")
                      .list()
                      .getItems()
                      .get(0);
              assertThat(
                      pod.getStatus()
                          .getContainerStatuses()
                          .get(0)
                          .getState()
                          .getTerminated()
                          .getExitCode())
                  .isEqualTo(3);
            });
  }

  @Test
  void podBreakingRestrictedProfileIsRefused() {
    Container privileged =
        new ContainerBuilder()
            .withName("main")
            .withImage("busybox:1.36")
            .withNewSecurityContext()
            .withPrivileged(true)
            .endSecurityContext()
            .build();
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("privileged")
            .endMetadata()
            .withNewSpec()
            .withContainers(privileged)
            .endSpec()
            .build();

    assertThatThrownBy(
            () -> cluster.client().pods().inNamespace(cluster.namespace()).resource(pod).create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("violates PodSecurity \"restricted:latest\"")
        .hasMessageContaining("privileged");
  }

  /** A pod spec that meets the "restricted" Pod Security Standard. */
  static PodSpec restrictedPod(String image) {
    return new PodSpecBuilder()
        .withAutomountServiceAccountToken(false)
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withRunAsUser(10001L)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .addNewContainer()
        .withName("main")
        .withImage(image)
        .withNewSecurityContext()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .endSecurityContext()
        .endContainer()
        .build();
  }
}
