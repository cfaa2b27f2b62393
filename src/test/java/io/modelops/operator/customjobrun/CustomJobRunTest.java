package io.modelops.operator.customjobrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.config.OperatorLimits;
import io.modelops.operator.naming.RunLabels;
import io.modelops.operator.testing.InProcessOperator;
import io.modelops.operator.testing.LocalClusterExtension;
import io.modelops.operator.testing.Manifests;
import io.modelops.operator.testing.SimulatedImages;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Custom job runs end to end on the local control plane (restricted Pod Security namespace), with
 * the operator's limit of parallel runs set to 2.
 */
@Tag("cluster")
class CustomJobRunTest {
  @RegisterExtension
  static LocalClusterExtension cluster = new LocalClusterExtension().withRestrictedPodSecurity();

  static InProcessOperator operator;
  static String ns;
  static String env;

  @BeforeAll
  static void start() {
    ns = cluster.namespace();
    env = "jobs-" + ns;
    operator =
        InProcessOperator.start(
            cluster.client(),
            c ->
                new OperatorConfig(
                    new OperatorLimits(
                        8,
                        OperatorLimits.MAX_CONTAINER_SIZE,
                        OperatorLimits.MIN_CONTAINER_SIZE,
                        20,
                        2,
                        3600),
                    null,
                    null,
                    null,
                    null,
                    false,
                    null,
                    null,
                    0),
            ns);
    environment("");
    Manifests.apply(
        cluster.client(),
        ns,
        ConfigMap.class,
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: job-code}
        data: {run.sh: "#!/bin/sh\\necho done\\n"}
        """);
  }

  /** The test's ExecutionEnvironment: one version per outcome, plus {@code extraVersions}. */
  static void environment(String extraVersions) {
    Manifests.applyClusterScoped(
        cluster.client(),
        ExecutionEnvironment.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: ExecutionEnvironment
        metadata: {name: %s}
        spec:
          programmingLanguage: python
          versions:
            - {label: ok, image: "python:3.11-slim"}
            - {label: exit-3, image: "%s"}
            - {label: forever, image: "%s"}
            - {label: no-pull, image: "%s"}
        %s
        """
            .formatted(
                env,
                SimulatedImages.EXIT_3,
                SimulatedImages.RUNS_FOREVER,
                SimulatedImages.IMAGE_PULL_FAILURE,
                extraVersions.indent(4)));
  }

  @AfterAll
  static void stop() {
    operator.close();
    cluster.client().resources(ExecutionEnvironment.class).withName(env).delete();
  }

  static void job(String name, String envVersion, String extra) {
    Manifests.apply(
        cluster.client(),
        ns,
        CustomJob.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJob
        metadata: {name: %s}
        spec:
          jobType: retraining
          environment: {name: %s, version: %s}
          code: {configMap: {name: job-code}}
        %s
        """
            .formatted(name, env, envVersion, extra.indent(2)));
  }

  static void run(String name, String job) {
    Manifests.apply(
        cluster.client(),
        ns,
        CustomJobRun.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJobRun
        metadata: {name: %s}
        spec: {customJobRef: {name: %s}}
        """
            .formatted(name, job));
  }

  static CustomJobRun get(String run) {
    return cluster.client().resources(CustomJobRun.class).inNamespace(ns).withName(run).get();
  }

  static String phase(String run) {
    CustomJobRun r = get(run);
    return r == null || r.getStatus() == null || r.getStatus().getPhase() == null
        ? null
        : r.getStatus().getPhase().name();
  }

  static void awaitPhase(String run, String phase) {
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(phase(run)).isEqualTo(phase));
  }

  static void cancel(String run) {
    Manifests.mergePatch(
        cluster.client(), CustomJobRun.class, ns, run, "{\"spec\":{\"cancel\":true}}");
  }

  @Test
  void aRunSucceedsAsOneJobWithItsWorkerConfigMounted() {
    job(
        "train",
        "ok",
        """
        timeoutSeconds: 600
        retries: 2
        resources: {egressNetworkPolicy: public, cpu: "2", memory: 4G}
        workerConfig: |
          inputs: {input_df: {type: dataset}}
          outputs: {model: {type: model}}
        """);
    run("train-1", "train");
    awaitPhase("train-1", "SUCCEEDED");

    CustomJobRun r = get("train-1");
    assertThat(r.getStatus().getExitCode()).isZero();
    assertThat(r.getStatus().getJobName()).isEqualTo("train-1");
    assertThat(r.getStatus().getPodName()).startsWith("train-1-");
    assertThat(r.getStatus().getStartTime()).isNotNull();
    assertThat(r.getStatus().getCompletionTime()).isNotNull();
    assertThat(r.getStatus().getDuration()).isNotNegative();
    assertThat(r.getStatus().getLogsCommand())
        .isEqualTo("kubectl logs -n " + ns + " job/train-1 --all-containers");
    Job k8sJob = cluster.client().batch().v1().jobs().inNamespace(ns).withName("train-1").get();
    assertThat(k8sJob.getSpec().getBackoffLimit()).isEqualTo(2);
    assertThat(k8sJob.getSpec().getActiveDeadlineSeconds()).isEqualTo(600);
    var container = k8sJob.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getResources().getLimits().get("memory").toString()).isEqualTo("4G");
    assertThat(container.getEnv())
        .anySatisfy(
            e -> {
              assertThat(e.getName()).isEqualTo("JOB_TYPE");
              assertThat(e.getValue()).isEqualTo("retraining");
            });
    assertThat(container.getVolumeMounts())
        .anySatisfy(
            m -> assertThat(m.getMountPath()).isEqualTo("/etc/modelops/worker-config.json"));
    ConfigMap config =
        cluster.client().configMaps().inNamespace(ns).withName("train-1-config").get();
    assertThat(config.getData().get("worker-config.json")).contains("input_df");
  }

  @Test
  void aFailingRunReportsFailedWithItsExitCode() {
    job("breaks", "exit-3", "retries: 0");
    run("breaks-1", "breaks");
    awaitPhase("breaks-1", "FAILED");
    CustomJobRun r = get("breaks-1");
    assertThat(r.getStatus().getExitCode()).isEqualTo(3);
    assertThat(r.getStatus().getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Ready");
              assertThat(c.getReason()).isEqualTo("BackoffLimitExceeded");
            });
  }

  @Test
  void aTimeoutEndsTheRunAsFailedWithDeadlineExceeded() {
    job("slow", "forever", "timeoutSeconds: 2");
    run("slow-1", "slow");
    awaitPhase("slow-1", "FAILED");
    assertThat(get("slow-1").getStatus().getConditions())
        .anySatisfy(c -> assertThat(c.getReason()).isEqualTo("DeadlineExceeded"));
  }

  @Test
  void anImageThatCannotBePulledFailsFastAndStopsTheJob() {
    job("nopull", "no-pull", "retries: 5");
    run("nopull-1", "nopull");
    awaitPhase("nopull-1", "FAILED");
    assertThat(get("nopull-1").getStatus().getConditions())
        .anySatisfy(c -> assertThat(c.getReason()).isEqualTo("ImagePullBackOff"));
    // The operator's part: the Job is deleted as the run fails, so it retries no more.
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        cluster
                            .client()
                            .batch()
                            .v1()
                            .jobs()
                            .inNamespace(ns)
                            .withLabel(RunLabels.RUN, "nopull-1")
                            .list()
                            .getItems())
                    .isEmpty());
    // Its pods go with it, deleted by kube-controller-manager's garbage collector (the Job is
    // deleted with background propagation). The collector's queue can lag on a loaded machine: it
    // once took more than 30 s to act in a full run of the suite.
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(120))
        .untilAsserted(
            () ->
                assertThat(
                        cluster
                            .client()
                            .pods()
                            .inNamespace(ns)
                            .withLabel(RunLabels.RUN, "nopull-1")
                            .list()
                            .getItems())
                    .isEmpty());
  }

  @Test
  void aMissingCredentialSecretFailsTheRunNamingTheSecret() {
    job(
        "creds",
        "ok",
        """
        runtimeParameterDefinitions: [{fieldName: TOKEN, type: credential}]
        runtimeParameterValues: [{fieldName: TOKEN, type: credential, value: {secretRef: {name: nope}}}]
        """);
    run("creds-1", "creds");
    awaitPhase("creds-1", "FAILED");
    assertThat(get("creds-1").getStatus().getMessage())
        .isEqualTo(
            "runtime parameter TOKEN"
                + " secretRef: Secret \"nope\" does not exist in namespace "
                + ns);
  }

  /**
   * A GitOps tool may apply a run before the environment version its job names: the run waits,
   * queued and saying what it waits for, and starts once the version exists, instead of failing.
   */
  @Test
  void aRunWaitsForAnEnvironmentVersionThatDoesNotExistYetThenRuns() {
    job("early", "later", "");
    run("early-1", "early");
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(phase("early-1")).isEqualTo("QUEUED");
              assertThat(get("early-1").getStatus().getMessage())
                  .contains("spec.environment.version")
                  .contains("later");
            });
    assertThat(cluster.client().batch().v1().jobs().inNamespace(ns).withName("early-1").get())
        .as("no Job while the environment version is missing")
        .isNull();
    environment("- {label: later, image: \"python:3.11-slim\"}");
    awaitPhase("early-1", "SUCCEEDED");
  }

  @Test
  void cancelStopsTheRunAndLeavesNoPods() {
    job("long", "forever", "");
    run("long-1", "long");
    awaitPhase("long-1", "RUNNING");
    cancel("long-1");
    awaitPhase("long-1", "CANCELED");
    assertThat(cluster.client().batch().v1().jobs().inNamespace(ns).withName("long-1").get())
        .isNull();
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        cluster
                            .client()
                            .pods()
                            .inNamespace(ns)
                            .withLabel(RunLabels.RUN, "long-1")
                            .list()
                            .getItems())
                    .isEmpty());
  }

  @Test
  void aCancelAfterTheRunFinishedIsObservedAndLeavesItsOutcome() {
    job("done", "ok", "");
    run("done-1", "done");
    awaitPhase("done-1", "SUCCEEDED");
    CustomJobRun before = get("done-1");

    cancel("done-1");

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              CustomJobRun r = get("done-1");
              assertThat(r.getMetadata().getGeneration())
                  .isGreaterThan(before.getMetadata().getGeneration());
              assertThat(r.getStatus().getObservedGeneration())
                  .isEqualTo(r.getMetadata().getGeneration());
            });
    CustomJobRun r = get("done-1");
    assertThat(r.getStatus().getPhase().name()).isEqualTo("SUCCEEDED");
    assertThat(r.getStatus().getCompletionTime()).isEqualTo(before.getStatus().getCompletionTime());
    assertThat(r.getStatus().getMessage()).isEqualTo(before.getStatus().getMessage());
    assertThat(r.getStatus().getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Ready");
              assertThat(c.getStatus().name()).isEqualTo("TRUE");
            })
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Progressing");
              assertThat(c.getStatus().name()).isEqualTo("FALSE");
              assertThat(c.getReason()).isEqualTo("Succeeded");
              assertThat(c.getMessage())
                  .isEqualTo(
                      "spec.cancel has no effect: the run had already succeeded when it was set");
            });
  }

  @Test
  void runsBeyondTheLimitWaitQueuedInCreationOrderUntilASlotFrees() {
    job("busy", "forever", "");
    run("busy-1", "busy");
    run("busy-2", "busy");
    awaitPhase("busy-1", "RUNNING");
    awaitPhase("busy-2", "RUNNING");
    run("busy-3", "busy");
    run("busy-4", "busy");
    await()
        .ignoreExceptions()
        .pollDelay(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(phase("busy-3")).isEqualTo("QUEUED");
              assertThat(phase("busy-4")).isEqualTo("QUEUED");
            });
    assertThat(cluster.client().batch().v1().jobs().inNamespace(ns).withName("busy-3").get())
        .isNull();
    cancel("busy-1");
    awaitPhase("busy-3", "RUNNING");
    assertThat(phase("busy-4")).isEqualTo("QUEUED");
    cancel("busy-2");
    cancel("busy-3");
    awaitPhase("busy-4", "RUNNING");
    cancel("busy-4");
    awaitPhase("busy-4", "CANCELED");
  }
}
