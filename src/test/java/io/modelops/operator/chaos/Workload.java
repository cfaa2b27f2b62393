package io.modelops.operator.chaos;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.testing.SimulatedImages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The changes a user makes while faults happen: models created (two versions each) and deleted,
 * active versions switched, replicas, memory and egress changed, runs started and cancelled, a
 * CustomJob scheduled every minute. Custom resources are handled as generic objects, so the harness
 * depends on the CRDs, not on the operator's Java model. A change the API server refuses (it is
 * down) is counted and not retried: only accepted changes must converge.
 */
final class Workload {
  static final String API = "modelops.io/v1alpha1";
  static final String ENV = "chaos-env";
  static final String MEMORY_LOW = "268435456";
  static final String MEMORY_HIGH = "536870912";

  private final KubernetesClient client;
  private final String ns;
  private final Random random;
  private final int maxModels;
  private final boolean cancelFinishedRuns;
  private final boolean switchDuringRollout;
  private final AtomicInteger modelSeq = new AtomicInteger();
  private final AtomicInteger runSeq = new AtomicInteger();
  private final Map<String, Integer> counts = new ConcurrentHashMap<>();
  private volatile Instant lastAccepted = Instant.EPOCH;

  /**
   * {@code cancelFinishedRuns}: whether a cancel may hit a run that already finished (a user may do
   * that; the operator must then observe the new generation without changing the phase).
   */
  /**
   * {@code switchDuringRollout}: whether a model's version may be switched while it is still
   * rolling out the previous switch (phase replacingModel); otherwise it gets another change.
   */
  Workload(
      KubernetesClient client,
      String ns,
      long seed,
      int maxModels,
      boolean cancelFinishedRuns,
      boolean switchDuringRollout) {
    this.client = client;
    this.switchDuringRollout = switchDuringRollout;
    this.cancelFinishedRuns = cancelFinishedRuns;
    this.ns = ns;
    this.random = new Random(seed);
    this.maxModels = maxModels;
  }

  String namespace() {
    return ns;
  }

  NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      kind(String kind) {
    return client.genericKubernetesResources(API, kind).inNamespace(ns);
  }

  /** Namespace, code, environment, jobs (one every minute) and the first models. */
  void setUp(int models) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
    if (client.namespaces().withName(Replicas.LEASE_NAMESPACE).get() == null) {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder()
                  .withNewMetadata()
                  .withName(Replicas.LEASE_NAMESPACE)
                  .endMetadata()
                  .build())
          .create();
    }
    create(
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: code}
        data: {start_server.sh: "#!/bin/sh\\nexec true\\n", run.sh: "#!/bin/sh\\necho done\\n"}
        """);
    client
        .resource(
            Serialization.unmarshal(
                """
        apiVersion: %s
        kind: ExecutionEnvironment
        metadata: {name: %s}
        spec:
          programmingLanguage: python
          versions:
            - {label: "1.0", image: "python:3.11-slim"}
            - {label: forever, image: "%s"}
        """
                    .formatted(API, ENV, SimulatedImages.RUNS_FOREVER),
                GenericKubernetesResource.class))
        .create();
    job("quick", "1.0", "");
    job("forever", "forever", "");
    job(
        "cron",
        "1.0",
        """
        schedule:
          cron: "* * * * *"
          concurrencyPolicy: Allow
        successfulRunsHistoryLimit: 2
        failedRunsHistoryLimit: 1
        """);
    for (int i = 0; i < models; i++) {
      createModel();
    }
  }

  private void job(String name, String envVersion, String extra) {
    create(
        """
        apiVersion: %s
        kind: CustomJob
        metadata: {name: %s}
        spec:
          jobType: retraining
          environment: {name: %s, version: "%s"}
          code: {configMap: {name: code}}
          entryPoint: run.sh
        %s
        """
            .formatted(API, name, ENV, envVersion, extra.indent(2)));
  }

  private void create(String yaml) {
    GenericKubernetesResource r = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
    r.getMetadata().setNamespace(ns);
    client.resource(r).create();
  }

  private void createModel() {
    String m = "m" + modelSeq.getAndIncrement();
    create(
        """
        apiVersion: %s
        kind: CustomModel
        metadata: {name: %s}
        spec:
          targetType: Regression
          targetName: y
          replicas: 1
          maximumMemory: %s
          desiredMemory: 134217728
          networkEgressPolicy: NONE
          activeVersion: %s-a
        """
            .formatted(API, m, MEMORY_LOW, m));
    for (String v : List.of("a", "b")) {
      create(
          """
          apiVersion: %s
          kind: CustomModelVersion
          metadata: {name: %s-%s}
          spec:
            customModelRef: {name: %s}
            environment: {name: %s, version: "1.0"}
            code: {configMap: {name: code}}
            entryPoint: start_server.sh
          """
              .formatted(API, m, v, m, ENV));
    }
  }

  /** One random change; whether the API server accepted it. */
  boolean step() {
    String op;
    List<GenericKubernetesResource> models = kind("CustomModel").list().getItems();
    int r = random.nextInt(100);
    op =
        r < 25
            ? "switchVersion"
            : r < 40
                ? "scale"
                : r < 50
                    ? "memory"
                    : r < 60
                        ? "egress"
                        : r < 68
                            ? "createModel"
                            : r < 72 ? "deleteModel" : r < 87 ? "startRun" : "cancelRun";
    if (models.isEmpty() && !op.equals("startRun") && !op.equals("cancelRun")) {
      op = "createModel";
    }
    try {
      switch (op) {
        case "createModel" -> {
          if (models.size() >= maxModels) {
            return false;
          }
          createModel();
        }
        case "deleteModel" -> {
          if (models.size() <= 2) {
            return false;
          }
          GenericKubernetesResource m = models.get(random.nextInt(models.size()));
          String name = m.getMetadata().getName();
          kind("CustomModel").withName(name).delete();
          kind("CustomModelVersion").withName(name + "-a").delete();
          kind("CustomModelVersion").withName(name + "-b").delete();
        }
        case "startRun" -> {
          String job = random.nextBoolean() ? "quick" : "forever";
          create(
              """
              apiVersion: %s
              kind: CustomJobRun
              metadata: {name: %s-%d}
              spec: {customJobRef: {name: %s}}
              """
                  .formatted(API, job, runSeq.getAndIncrement(), job));
        }
        case "cancelRun" -> {
          List<GenericKubernetesResource> runs =
              kind("CustomJobRun").list().getItems().stream()
                  .filter(x -> !Boolean.TRUE.equals(path(x, "spec", "cancel")))
                  .filter(
                      x ->
                          cancelFinishedRuns
                              || path(x, "status", "phase") == null
                              || !Invariants.TERMINAL.contains(
                                  String.valueOf(path(x, "status", "phase"))))
                  .toList();
          if (runs.isEmpty()) {
            return false;
          }
          String name = runs.get(random.nextInt(runs.size())).getMetadata().getName();
          patch("CustomJobRun", name, "{\"spec\":{\"cancel\":true}}");
        }
        default -> {
          GenericKubernetesResource m = models.get(random.nextInt(models.size()));
          String name = m.getMetadata().getName();
          if (op.equals("switchVersion") && !switchable(m)) {
            op = "egress";
          }
          String patch =
              switch (op) {
                case "switchVersion" ->
                    "{\"spec\":{\"activeVersion\":\""
                        + name
                        + (String.valueOf(path(m, "spec", "activeVersion")).endsWith("-a")
                            ? "-b"
                            : "-a")
                        + "\"}}";
                case "scale" ->
                    "{\"spec\":{\"replicas\":"
                        + (Integer.valueOf(2).equals(path(m, "spec", "replicas")) ? 1 : 2)
                        + "}}";
                case "memory" ->
                    "{\"spec\":{\"maximumMemory\":"
                        + (MEMORY_LOW.equals(String.valueOf(path(m, "spec", "maximumMemory")))
                            ? MEMORY_HIGH
                            : MEMORY_LOW)
                        + "}}";
                default ->
                    "{\"spec\":{\"networkEgressPolicy\":\""
                        + ("NONE".equals(path(m, "spec", "networkEgressPolicy"))
                            ? "PUBLIC"
                            : "NONE")
                        + "\"}}";
              };
          patch("CustomModel", name, patch);
        }
      }
      counts.merge(op, 1, Integer::sum);
      lastAccepted = Instant.now();
      return true;
    } catch (RuntimeException e) {
      counts.merge("refused", 1, Integer::sum);
      return false;
    }
  }

  /** Whether the model's version may be switched now (see the constructor). */
  boolean switchable(GenericKubernetesResource m) {
    return switchDuringRollout || "active".equals(path(m, "status", "phase"));
  }

  private void patch(String kind, String name, String json) {
    kind(kind).withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), json);
  }

  /** Accepted changes by kind, and refused ones. */
  Map<String, Integer> counts() {
    return Map.copyOf(counts);
  }

  Instant lastAccepted() {
    return lastAccepted;
  }

  /** A value in a generic object's tree, or null. */
  static Object path(GenericKubernetesResource r, String... keys) {
    Object at = r.getAdditionalProperties();
    for (String k : keys) {
      if (!(at instanceof Map<?, ?> map)) {
        return null;
      }
      at = map.get(k);
    }
    return at;
  }

  /** Runs {@link #step} about every {@code periodMs} in the background until stopped. */
  final class Churn implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;
    private final List<String> errors = new ArrayList<>();

    Churn(long periodMs) {
      thread =
          new Thread(
              () -> {
                while (running) {
                  try {
                    step();
                  } catch (RuntimeException e) {
                    errors.add(e.toString());
                  }
                  try {
                    Thread.sleep(periodMs);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "chaos-churn");
      thread.setDaemon(true);
      thread.start();
    }

    /** Stops sending changes without waiting for one in flight. */
    void stop() {
      running = false;
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      thread.join(30_000);
    }
  }
}
