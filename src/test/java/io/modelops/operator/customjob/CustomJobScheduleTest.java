package io.modelops.operator.customjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.testing.InProcessOperator;
import io.modelops.operator.testing.LocalClusterExtension;
import io.modelops.operator.testing.Manifests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scheduled CustomJobs on the local control plane. The operator's clock is set a few seconds before
 * a minute boundary, so an every-minute schedule fires promptly in real time.
 */
@Tag("cluster")
class CustomJobScheduleTest {
  @RegisterExtension
  static LocalClusterExtension cluster = new LocalClusterExtension().withRestrictedPodSecurity();

  static InProcessOperator operator;
  static String ns;
  static String env;
  static Instant firstBoundary;

  @BeforeAll
  static void start() {
    ns = cluster.namespace();
    env = "sched-" + ns;
    Instant real = Instant.now();
    Instant boundary = real.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
    Instant simulated = boundary.minusSeconds(3);
    if (simulated.isBefore(real)) {
      boundary = boundary.plus(1, ChronoUnit.MINUTES);
      simulated = boundary.minusSeconds(3);
    }
    firstBoundary = boundary;
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(real, simulated));
    operator = InProcessOperator.start(cluster.client(), UnaryOperator.identity(), clock, ns);
    Manifests.applyClusterScoped(
        cluster.client(),
        ExecutionEnvironment.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: ExecutionEnvironment
        metadata: {name: %s}
        spec: {programmingLanguage: python, versions: [{label: "1", image: "python:3.11-slim"}]}
        """
            .formatted(env));
    Manifests.apply(
        cluster.client(),
        ns,
        ConfigMap.class,
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: retrain-code}
        data: {run.sh: "#!/bin/sh\\necho retrained\\n"}
        """);
  }

  @AfterAll
  static void stop() {
    operator.close();
    cluster.client().resources(ExecutionEnvironment.class).withName(env).delete();
  }

  static CustomJob job(String name) {
    return cluster.client().resources(CustomJob.class).inNamespace(ns).withName(name).get();
  }

  @Test
  void createsARunOnScheduleOwnedByTheJobAndTrimsItsHistory() {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    try (var watch =
        cluster
            .client()
            .resources(CustomJobRun.class)
            .inNamespace(ns)
            .watch(
                new io.fabric8.kubernetes.client.Watcher<>() {
                  @Override
                  public void eventReceived(Action action, CustomJobRun run) {
                    seen.add(
                        action
                            + " "
                            + run.getMetadata().getName()
                            + " "
                            + (run.getStatus() == null ? "-" : run.getStatus().getPhase()));
                  }

                  @Override
                  public void onClose(io.fabric8.kubernetes.client.WatcherException cause) {}
                })) {
      Manifests.apply(
          cluster.client(),
          ns,
          CustomJob.class,
          """
          apiVersion: modelops.io/v1alpha1
          kind: CustomJob
          metadata: {name: retrain}
          spec:
            jobType: retraining
            environment: {name: %s}
            code: {configMap: {name: retrain-code}}
            schedule: {cron: "* * * * *", timeZone: Europe/Berlin, concurrencyPolicy: Forbid}
            successfulRunsHistoryLimit: 0
            failedRunsHistoryLimit: 1
          """
              .formatted(env));
      String runName = "retrain-" + firstBoundary.getEpochSecond() / 60;
      await()
          .ignoreExceptions()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                assertThat(seen).contains("ADDED " + runName + " -");
                assertThat(seen).contains("MODIFIED " + runName + " SUCCEEDED");
                assertThat(seen).contains("DELETED " + runName + " SUCCEEDED");
              });
    }
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              CustomJob j = job("retrain");
              assertThat(j.getStatus().getLastScheduleTime()).isEqualTo(firstBoundary.toString());
              assertThat(j.getStatus().getNextScheduleTime())
                  .isEqualTo(firstBoundary.plus(1, ChronoUnit.MINUTES).toString());
              assertThat(j.getStatus().getConfigVersion()).isEqualTo(1L);
              assertThat(j.getStatus().getActiveRuns()).isZero();
            });
    NetworkPolicy policy =
        cluster.client().network().networkPolicies().inNamespace(ns).withName("retrain-job").get();
    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    assertThat(policy.getSpec().getIngress()).isEmpty();
  }

  @Test
  void aSuspendedStructuredScheduleStartsNothingAndSaysSo() {
    Manifests.apply(
        cluster.client(),
        ns,
        CustomJob.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJob
        metadata: {name: paused}
        spec:
          environment: {name: %s}
          code: {configMap: {name: retrain-code}}
          schedule: {minute: ["*"], hour: ["*"], dayOfMonth: ["*"], month: ["*"],
                     dayOfWeek: ["*"], suspend: true}
        """
            .formatted(env));
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(job("paused").getStatus().getConditions())
                    .anySatisfy(
                        c -> {
                          assertThat(c.getType()).isEqualTo("Ready");
                          assertThat(c.getReason()).isEqualTo("Suspended");
                        }));
    Manifests.mergePatch(
        cluster.client(),
        CustomJob.class,
        ns,
        "paused",
        "{\"spec\":{\"description\":\"config changed\"}}");
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> assertThat(job("paused").getStatus().getConfigVersion()).isEqualTo(2L));
    List<CustomJobRun> runs =
        cluster
            .client()
            .resources(CustomJobRun.class)
            .inNamespace(ns)
            .withLabel("modelops.io/job", "paused")
            .list()
            .getItems();
    assertThat(runs).isEmpty();
  }

  @Test
  void anInvalidTimeZoneIsRefusedWithACondition() {
    Manifests.apply(
        cluster.client(),
        ns,
        CustomJob.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJob
        metadata: {name: lost}
        spec:
          environment: {name: %s}
          code: {configMap: {name: retrain-code}}
          schedule: {cron: "0 3 * * 1", timeZone: Mars/Olympus}
        """
            .formatted(env));
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(job("lost").getStatus().getConditions())
                    .anySatisfy(
                        c -> {
                          assertThat(c.getReason()).isEqualTo("InvalidSchedule");
                          assertThat(c.getMessage())
                              .isEqualTo(
                                  "schedule.timeZone \"Mars/Olympus\" is not a known time zone");
                        }));
  }
}
