package io.modelops.operator.customjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.Operator;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.config.OperatorConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Allow / Forbid / Replace when a scheduled time comes while an earlier scheduled run is still
 * active, on fabric8's CRUD mock server with a clock set just past a scheduled time. (Only the
 * scheduler runs here: without the run controller, runs stay as the test leaves them.)
 */
@EnableKubernetesMockClient(crud = true)
class ConcurrencyPolicyMockServerTest {
  static final String NS = "team-a";
  static final Instant SCHEDULED = Instant.parse("2030-01-07T03:00:00Z");
  KubernetesClient client;
  Operator operator;

  @AfterEach
  void stop() {
    if (operator != null) {
      operator.stop();
    }
  }

  void startScheduler() {
    OperatorConfig config =
        new OperatorConfig(null, null, null, null, List.of(NS), false, null, null, 0);
    operator =
        new Operator(
            o ->
                o.withKubernetesClient(client)
                    .withCloseClientOnStop(false)
                    .withSSABasedCreateUpdateMatchForDependentResources(false)
                    .withUseSSAToPatchPrimaryResource(false));
    Clock clock = Clock.fixed(SCHEDULED.plusSeconds(20), ZoneOffset.UTC);
    operator.register(new CustomJobReconciler(config, clock), o -> o.settingNamespaces(Set.of(NS)));
    operator.start();
  }

  /** A job scheduled Mondays 03:00 UTC whose previous scheduled run is still running. */
  CustomJob jobWithActiveRun(String policy) {
    CustomJob job =
        client
            .resource(
                Serialization.unmarshal(
                    """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJob
        metadata: {name: nightly, namespace: team-a}
        spec:
          environment: {image: "python:3.11"}
          code: {configMap: {name: code}}
          schedule: {cron: "0 3 * * 1", concurrencyPolicy: %s}
        """
                        .formatted(policy),
                    CustomJob.class))
            .create();
    job.setStatus(new io.modelops.operator.api.v1alpha1.customjob.CustomJobStatus());
    job.getStatus().setLastScheduleTime(SCHEDULED.minus(Duration.ofDays(7)).toString());
    job.getStatus().setObservedGeneration(job.getMetadata().getGeneration());
    job.getStatus().setConfigVersion(1L);
    client.resource(job).updateStatus();
    CustomJobRun previous =
        Serialization.unmarshal(
            """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJobRun
        metadata: {name: nightly-previous, namespace: team-a}
        spec: {customJobRef: {name: nightly}}
        """,
            CustomJobRun.class);
    previous
        .getMetadata()
        .setOwnerReferences(
            List.of(
                new OwnerReferenceBuilder()
                    .withApiVersion("modelops.io/v1alpha1")
                    .withKind("CustomJob")
                    .withName("nightly")
                    .withUid(job.getMetadata().getUid())
                    .withController(true)
                    .build()));
    previous = client.resource(previous).create();
    previous.setStatus(new io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRunStatus());
    previous
        .getStatus()
        .setPhase(io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRunPhase.RUNNING);
    client.resource(previous).updateStatus();
    return job;
  }

  Set<String> runs() {
    return client.resources(CustomJobRun.class).inNamespace(NS).list().getItems().stream()
        .map(r -> r.getMetadata().getName())
        .collect(Collectors.toSet());
  }

  String scheduledRun() {
    return "nightly-" + SCHEDULED.getEpochSecond() / 60;
  }

  @Test
  void allowStartsTheScheduledRunNextToTheActiveOne() {
    jobWithActiveRun("Allow");
    startScheduler();
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> assertThat(runs()).containsExactlyInAnyOrder("nightly-previous", scheduledRun()));
  }

  @Test
  void forbidSkipsTheScheduledRunWhileOneIsActive() {
    jobWithActiveRun("Forbid");
    startScheduler();
    await()
        .ignoreExceptions()
        .pollDelay(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              CustomJob job =
                  client.resources(CustomJob.class).inNamespace(NS).withName("nightly").get();
              assertThat(job.getStatus().getActiveRuns()).isEqualTo(1);
            });
    assertThat(runs()).containsExactly("nightly-previous");
  }

  @Test
  void replaceDeletesTheActiveRunAndStartsTheScheduledOne() {
    jobWithActiveRun("Replace");
    startScheduler();
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(runs()).containsExactly(scheduledRun()));
    CustomJobRun created =
        client.resources(CustomJobRun.class).inNamespace(NS).withName(scheduledRun()).get();
    assertThat(created.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getController()).isTrue());
    assertThat(created.getMetadata().getAnnotations())
        .containsEntry("modelops.io/scheduled-at", SCHEDULED.toString());
  }
}
