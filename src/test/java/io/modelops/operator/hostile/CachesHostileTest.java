package io.modelops.operator.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.config.OperatorLimits;
import io.modelops.operator.naming.ModelLabels;
import io.modelops.operator.naming.RunLabels;
import io.modelops.operator.testing.InProcessOperator;
import io.modelops.operator.testing.LocalClusterExtension;
import io.modelops.operator.testing.Manifests;
import io.modelops.operator.testing.RequestCounter;
import io.modelops.operator.testing.SimulatedImages;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile tenants against the operator's caches and decisions: objects forged with the operator's
 * labels and annotations, decoy pods naming another run, and queued runs that must not make the
 * operator poll the API. The operator runs in this JVM with a request-counting client; a second
 * tenant's model, in its own namespace, must keep serving throughout.
 */
@Tag("cluster")
class CachesHostileTest {
  @RegisterExtension
  static LocalClusterExtension cluster = new LocalClusterExtension().withRestrictedPodSecurity();

  static final int FORGED_CONFIG_MAPS = 200;
  static final int FORGED_PODS = 100;
  static final int MIB = 1024 * 1024;

  static RequestCounter counter;
  static InProcessOperator operator;
  static KubernetesClient client;
  static String ns;
  static String other;
  static String queue;
  static String env;

  @BeforeAll
  static void start() {
    client = cluster.client();
    ns = cluster.namespace();
    other = TenantObjects.namespace(client, "caches-other");
    queue = TenantObjects.namespace(client, "caches-queue");
    env = "hostile-" + ns;
    counter = new RequestCounter(client.getConfiguration());
    operator =
        InProcessOperator.start(
            counter.client(),
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
            ns,
            other,
            queue);
    TenantObjects.environment(client, env);
    TenantObjects.model(client, other, "steady", env, "");
    TenantObjects.model(client, ns, "victim", env, "");
    TenantObjects.awaitServing(client, other, "steady");
    TenantObjects.awaitServing(client, ns, "victim");
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
    client.resources(ExecutionEnvironment.class).withName(env).delete();
    client.namespaces().withName(other).delete();
    client.namespaces().withName(queue).delete();
  }

  @Test
  void forgedConfigMapsAndPodsWithTheOperatorsLabelsStayOutOfItsHeapAndDecisions()
      throws Exception {
    long before = usedHeapAfterGc();
    int victimReconciles = operator.reconciliations("CustomModel", ns, "victim");

    long forgedBytes = forge();
    // The watches deliver the forged objects within seconds; give them ample time to land.
    await().pollDelay(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(20)).until(() -> true);
    long after = usedHeapAfterGc();

    long growth = after - before;
    System.out.printf(
        "forged %d MiB: operator JVM heap after GC %d MiB before, %d MiB after (growth %d MiB)%n",
        forgedBytes / MIB, before / MIB, after / MIB, growth / MIB);
    assertThat(forgedBytes).isGreaterThan(290L * MIB);
    assertThat(growth)
        .as("heap growth from %d MiB of forged objects", forgedBytes / MIB)
        .isLessThan(32L * MIB);
    assertThat(operator.reconciliations("CustomModel", ns, "victim"))
        .as("no forged pod wakes the model it names")
        .isEqualTo(victimReconciles);
    TenantObjects.assertServing(client, ns, "victim");
    TenantObjects.assertServing(client, other, "steady");
  }

  @Test
  void aDecoyPodNamingAnotherRunCannotStopThatRunsJob() {
    job(ns, "nightly");
    run(ns, "nightly-1", "nightly");
    awaitPhase(ns, "nightly-1", "RUNNING");
    Job job = client.batch().v1().jobs().inNamespace(ns).withName("nightly-1").get();

    // Both decoys carry the run's labels and annotation and cannot pull their image (a
    // deterministic failure); the second also claims a Job of the run's name as its controller.
    client.pods().inNamespace(ns).resource(decoy("decoy-plain", null)).create();
    client.pods().inNamespace(ns).resource(decoy("decoy-owned", "0000-forged-uid")).create();
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        client
                            .pods()
                            .inNamespace(ns)
                            .withName("decoy-plain")
                            .get()
                            .getStatus()
                            .getContainerStatuses()
                            .get(0)
                            .getState()
                            .getWaiting()
                            .getReason())
                    .isEqualTo("ImagePullBackOff"));

    await()
        .pollDelay(Duration.ofSeconds(8))
        .atMost(Duration.ofSeconds(12))
        .untilAsserted(
            () -> {
              Job now = client.batch().v1().jobs().inNamespace(ns).withName("nightly-1").get();
              assertThat(now).isNotNull();
              assertThat(now.getMetadata().getUid()).isEqualTo(job.getMetadata().getUid());
              assertThat(phase(ns, "nightly-1")).isEqualTo("RUNNING");
            });
    // The decoy naming the run's Job with a forged uid has no live owner: the garbage collector
    // removes it, and the run's Job stays.
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(client.pods().inNamespace(ns).withName("decoy-owned").get()).isNull());
    assertThat(
            client
                .batch()
                .v1()
                .jobs()
                .inNamespace(ns)
                .withName("nightly-1")
                .get()
                .getMetadata()
                .getUid())
        .isEqualTo(job.getMetadata().getUid());
    TenantObjects.assertServing(client, other, "steady");
  }

  @Test
  void queuedRunsWaitForASlotWithoutReadingTheApi() {
    job(queue, "busy");
    for (int i = 1; i <= 6; i++) {
      run(queue, "busy-" + i, "busy");
    }
    for (String running : List.of("busy-1", "busy-2")) {
      awaitPhase(queue, running, "RUNNING");
    }
    for (int i = 3; i <= 6; i++) {
      awaitPhase(queue, "busy-" + i, "QUEUED");
    }

    counter.reset();
    // Four times the period the queue used to poll at.
    await().pollDelay(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(15)).until(() -> true);
    List<String> requests = new ArrayList<>(counter.reads());
    requests.addAll(counter.writes());
    System.out.printf("4 queued runs, 12 s: %d API requests %s%n", requests.size(), requests);
    assertThat(requests).as("requests while 4 runs wait in the queue").isEmpty();

    Manifests.mergePatch(
        client, CustomJobRun.class, queue, "busy-1", "{\"spec\":{\"cancel\":true}}");
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(phase(queue, "busy-3")).isEqualTo("RUNNING"));
    assertThat(phase(queue, "busy-4")).isEqualTo("QUEUED");
    client.resources(CustomJobRun.class).inNamespace(queue).withName("busy-2").delete();
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(phase(queue, "busy-4")).isEqualTo("RUNNING"));
    assertThat(phase(queue, "busy-5")).isEqualTo("QUEUED");
    TenantObjects.assertServing(client, other, "steady");
  }

  /** Creates the forged objects in the hostile namespace; returns their total size in bytes. */
  private static long forge() throws Exception {
    String mib = "x".repeat(MIB - 4096);
    String annotation = "a".repeat(200 * 1024);
    String env = "e".repeat(MIB - 240 * 1024);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> created = new ArrayList<>();
      for (int i = 0; i < FORGED_CONFIG_MAPS; i++) {
        ConfigMap forged =
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("forged-" + i)
                .withLabels(RunLabels.run("nightly", "nightly-1"))
                .endMetadata()
                .addToData("blob", mib)
                .build();
        created.add(
            pool.submit(() -> client.configMaps().inNamespace(ns).resource(forged).create()));
      }
      for (int i = 0; i < FORGED_PODS; i++) {
        // Half look like the model's pods, half like a run's.
        Map<String, String> labels =
            i % 2 == 0
                ? ModelLabels.version("victim", "victim-v1", "victim-victim-v1")
                : RunLabels.run("nightly", "nightly-1");
        Pod forged =
            new PodBuilder(restrictedPod("forged-" + i, "python:3.11-slim", env))
                .editMetadata()
                .withLabels(labels)
                .addToAnnotations(ModelLabels.MODEL_NAME_ANNOTATION, "victim")
                .addToAnnotations(RunLabels.RUN_NAME_ANNOTATION, "nightly-1")
                .addToAnnotations("modelops.io/padding", annotation)
                .endMetadata()
                .build();
        created.add(pool.submit(() -> client.pods().inNamespace(ns).resource(forged).create()));
      }
      for (Future<?> f : created) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return (long) FORGED_CONFIG_MAPS * mib.length()
        + (long) FORGED_PODS * (annotation.length() + env.length());
  }

  private static Pod decoy(String name, String forgedJobUid) {
    Pod pod =
        new PodBuilder(restrictedPod(name, SimulatedImages.IMAGE_PULL_FAILURE, "x"))
            .editMetadata()
            .withLabels(RunLabels.run("nightly", "nightly-1"))
            .addToAnnotations(RunLabels.RUN_NAME_ANNOTATION, "nightly-1")
            .endMetadata()
            .editSpec()
            .withRestartPolicy("Never")
            .endSpec()
            .build();
    if (forgedJobUid != null) {
      pod.getMetadata()
          .setOwnerReferences(
              List.of(
                  new io.fabric8.kubernetes.api.model.OwnerReferenceBuilder()
                      .withApiVersion("batch/v1")
                      .withKind("Job")
                      .withName("nightly-1")
                      .withUid(forgedJobUid)
                      .withController(true)
                      .build()));
    }
    return pod;
  }

  static Pod restrictedPod(String name, String image, String envValue) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
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
        .addNewEnv()
        .withName("PADDING")
        .withValue(envValue)
        .endEnv()
        .withNewSecurityContext()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .endSecurityContext()
        .endContainer()
        .endSpec()
        .build();
  }

  private static void job(String namespace, String name) {
    Manifests.apply(
        client,
        namespace,
        ConfigMap.class,
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: job-code}
        data: {run.sh: "#!/bin/sh\\necho done\\n"}
        """);
    Manifests.apply(
        client,
        namespace,
        CustomJob.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJob
        metadata: {name: %s}
        spec:
          jobType: retraining
          environment: {name: %s, version: forever}
          code: {configMap: {name: job-code}}
        """
            .formatted(name, env));
  }

  private static void run(String namespace, String name, String job) {
    Manifests.apply(
        client,
        namespace,
        CustomJobRun.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJobRun
        metadata: {name: %s}
        spec: {customJobRef: {name: %s}}
        """
            .formatted(name, job));
  }

  private static String phase(String namespace, String run) {
    CustomJobRun r =
        client.resources(CustomJobRun.class).inNamespace(namespace).withName(run).get();
    return r == null || r.getStatus() == null || r.getStatus().getPhase() == null
        ? null
        : r.getStatus().getPhase().name();
  }

  private static void awaitPhase(String namespace, String run, String phase) {
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(phase(namespace, run)).isEqualTo(phase));
  }

  private static long usedHeapAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
