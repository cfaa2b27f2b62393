package io.modelops.operator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.naming.ModelNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * {@code make bench}: the operator (its own process) against a bare fabric8 client on the local
 * control plane — convergence, API writes, latency under churn and memory at N models. Every figure
 * of a table comes from the same invocation; nothing is remembered between runs.
 */
public final class ServingBench {
  private static final Duration CONVERGE_TIMEOUT = Duration.ofMinutes(20);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final int models;
  private final int concurrency;
  private final List<String> jvmOptions;
  private final Map<String, String> operatorEnv;
  private final Path jar;
  private final Path kubeconfig;
  private final KubernetesClient admin;
  private final String stamp =
      LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss"));
  private final Path out;
  private String templateJson; // Deployment, Service, NetworkPolicy the operator made for m00000

  private ServingBench(Map<String, String> opts) throws Exception {
    models = Integer.parseInt(opts.getOrDefault("models", "1000"));
    concurrency = Integer.parseInt(opts.getOrDefault("concurrency", "16"));
    Path repo = Path.of(opts.getOrDefault("repo", ".")).toAbsolutePath().normalize();
    // The operator runs as the image runs it: the Dockerfile's JVM flags and environment, in a
    // "container" of --memory-limit (the chart's default limit; -XX:MaxRAM stands in for the
    // cgroup limit the JVM would see), then any --xmx / --jvm-options given.
    ImageJvm image = ImageJvm.of(repo.resolve("Dockerfile"));
    List<String> flags = new ArrayList<>(image.flags());
    flags.add("-XX:MaxRAM=" + opts.getOrDefault("memory-limit", "384m"));
    if (opts.containsKey("xmx")) {
      flags.add("-Xmx" + opts.get("xmx"));
    }
    String extra = opts.getOrDefault("jvm-options", "").trim();
    if (!extra.isEmpty()) {
      flags.addAll(List.of(extra.split("\\s+")));
    }
    jvmOptions = List.copyOf(flags);
    operatorEnv = image.env();
    jar = repo.resolve("target/modelops-operator.jar");
    out = repo.resolve("target/bench");
    kubeconfig = Path.of(opts.get("kubeconfig"));
    Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
    config.setRequestTimeout(60_000);
    admin = new KubernetesClientBuilder().withConfig(config).build();
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = BenchOptions.parse(args);
    int runs = Integer.parseInt(opts.getOrDefault("runs", "3"));
    int churnRuns = Integer.parseInt(opts.getOrDefault("churn-runs", "1"));
    int churnSeconds = Integer.parseInt(opts.getOrDefault("churn-seconds", "60"));
    int churnRate = Integer.parseInt(opts.getOrDefault("churn-rate", "10"));
    // The operator's serving phase always runs (it also makes the baseline's template objects).
    List<String> phases =
        List.of(opts.getOrDefault("phases", "serving,baseline,control-plane").split(","));
    ServingBench bench = new ServingBench(opts);
    List<Map<String, Object>> results = new ArrayList<>();
    try {
      for (int r = 1; r <= runs; r++) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("run", r);
        run.putAll(bench.operatorServing(r, r <= churnRuns ? churnSeconds : 0, churnRate));
        if (phases.contains("baseline")) {
          run.putAll(bench.baseline(r, true));
        }
        if (phases.contains("control-plane")) {
          run.putAll(bench.operatorControlPlaneOnly(r));
          if (phases.contains("baseline")) {
            run.putAll(bench.baseline(r, false));
          }
        }
        results.add(run);
        bench.report(opts, results, runs, churnRuns);
      }
    } finally {
      bench.admin.close();
    }
    System.exit(0);
  }

  // ---- phases -------------------------------------------------------------------------------

  private Map<String, Object> operatorServing(int run, int churnSeconds, int churnRate)
      throws Exception {
    String ns = namespace(run, "op");
    Map<String, Object> r = new LinkedHashMap<>();
    try (OperatorProcess op = startOperator(ns, run, "serving");
        Tracker<CustomModel> ready =
            new Tracker<>(
                admin.resources(CustomModel.class).inNamespace(ns), ServingBench::ready)) {
      r.put("operatorStartToReadySeconds", op.awaitReady(Duration.ofMinutes(2)));
      ApiServerWrites before = ApiServerWrites.scrape(admin);
      long t0 = System.nanoTime();
      createModels(ns, true);
      r.put("servingOperatorCreateSeconds", seconds(System.nanoTime() - t0));
      long t1 = ready.awaitCount(models, CONVERGE_TIMEOUT);
      require(t1 > 0, "serving: only " + ready.matched() + "/" + models + " Ready in " + ns);
      ApiServerWrites converge = ApiServerWrites.scrape(admin).since(before);
      r.put("servingOperatorSeconds", seconds(t1 - t0));
      r.put("servingOperatorWrites", converge.operator());
      r.put("servingOperatorWritesPerModel", (double) converge.operatorTotal() / models);
      r.put("servingOperatorAllWritesPerModel", (double) converge.total() / models);
      r.put("servingAllApiWrites", converge.counts());
      r.put("rssMiBAfterConvergence", mib(op.rssBytes()));
      r.put("heapMiBAfterConvergence", mib(op.heapUsedBytes()));
      r.put("liveHeapMiBAfterConvergence", mib(op.liveHeapBytes()));
      r.put("rssMiBAfterFullGc", mib(op.rssBytes()));
      op.rssSplitBytes()
          .forEach(
              (k, v) ->
                  r.put(
                      Character.toLowerCase(k.charAt(0)) + k.substring(1) + "MiBAfterFullGc",
                      mib(v)));
      Map<String, Double> nmt = op.nativeMemoryCommittedMiB();
      if (!nmt.isEmpty()) {
        r.put("nativeMemoryCommittedMiBAfterFullGc", nmt);
      }
      log(
          "serving: operator %.1fs, %.2f writes/model, RSS %.0f MiB",
          seconds(t1 - t0), (double) converge.operatorTotal() / models, mib(op.rssBytes()));

      Thread.sleep(5_000);
      ApiServerWrites idle0 = ApiServerWrites.scrape(admin);
      Map<String, String> versions0 = resourceVersions(ns);
      Thread.sleep(20_000);
      ApiServerWrites idle = ApiServerWrites.scrape(admin).since(idle0);
      r.put("idleWrites20s", idle.operator());
      r.put("idleObjectsChanged", changed(versions0, resourceVersions(ns)));
      templateJson = captureTemplate(ns);
      op.close();
      r.putAll(restart(ns, run, ready, churnSeconds, churnRate));
    } finally {
      deleteNamespace(ns);
    }
    return r;
  }

  /** Restart with N unchanged Ready models: writes while all N are reconciled, and after. */
  private Map<String, Object> restart(
      String ns, int run, Tracker<CustomModel> models0, int churnSeconds, int churnRate)
      throws Exception {
    Map<String, Object> r = new LinkedHashMap<>();
    Map<String, String> versions0 = resourceVersions(ns);
    int otherJvms0 = otherTestJvms();
    ApiServerWrites s0 = ApiServerWrites.scrape(admin);
    try (OperatorProcess op = startOperator(ns, run, "restart")) {
      long deadline = System.nanoTime() + CONVERGE_TIMEOUT.toNanos();
      while (op.reconciledSuccessfully("CustomModel") < models
          || op.reconciledSuccessfully("CustomModelVersion") < models) {
        require(op.alive() && System.nanoTime() < deadline, "restart: not all reconciled");
        Thread.sleep(100);
      }
      long t = System.nanoTime() - op.startedNanos();
      ApiServerWrites resync = ApiServerWrites.scrape(admin).since(s0);
      Map<String, String> versions1 = resourceVersions(ns);
      Thread.sleep(20_000);
      ApiServerWrites after = ApiServerWrites.scrape(admin).since(s0);
      ApiServerWrites afterOnly = after.since(resync);
      r.put("restartSecondsToAllReconciled", seconds(t));
      r.put("resyncWrites", resync.operator());
      r.put("resyncWritesTotal", resync.operatorTotal());
      r.put("resyncObjectsChanged", changed(versions0, versions1));
      r.put("afterRestartWrites20s", afterOnly.operator());
      r.put("afterRestartWrites20sTotal", afterOnly.operatorTotal());
      r.put("afterRestartObjectsChanged", changed(versions1, resourceVersions(ns)));
      r.put("otherTestJvmsDuringRestartWindow", Math.max(otherJvms0, otherTestJvms()));
      r.put("rssMiBAfterRestart", mib(op.rssBytes()));
      r.put("heapMiBAfterRestart", mib(op.heapUsedBytes()));
      r.put("liveHeapMiBAfterRestart", mib(op.liveHeapBytes()));
      log(
          "restart: all %d reconciled %.1fs after start; writes during resync %d, in 20 s after %d",
          models, seconds(t), resync.operatorTotal(), afterOnly.operatorTotal());
      if (churnSeconds > 0) {
        r.putAll(churn(ns, models0, churnSeconds, churnRate));
      }
    }
    return r;
  }

  /** Spec changes at a fixed rate; latency from the change to status.observedGeneration. */
  private Map<String, Object> churn(String ns, Tracker<CustomModel> tracker, int seconds, int rate)
      throws Exception {
    record Pending(long generation, long sentNanos) {}
    Map<String, Pending> pending = new ConcurrentHashMap<>();
    Map<String, long[]> observed = new ConcurrentHashMap<>(); // name -> {generation, nanos}
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    tracker.onUpdate(
        (cm, now) -> {
          if (cm.getStatus() == null || cm.getStatus().getObservedGeneration() == null) {
            return;
          }
          String name = cm.getMetadata().getName();
          long gen = cm.getStatus().getObservedGeneration();
          observed.put(name, new long[] {gen, now});
          Pending p = pending.get(name);
          if (p != null && gen >= p.generation() && pending.remove(name, p)) {
            latencies.add(now - p.sentNanos());
          }
        });
    ExecutorService pool = Executors.newFixedThreadPool(8);
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    int total = seconds * rate;
    List<Future<?>> sent = Collections.synchronizedList(new ArrayList<>());
    int[] k = {0};
    clock.scheduleAtFixedRate(
        () -> {
          if (k[0] >= total) {
            return;
          }
          int i = k[0]++;
          sent.add(
              pool.submit(
                  () -> {
                    String name = name(i % models);
                    String egress = (i / models) % 2 == 0 ? "PUBLIC" : "NONE";
                    long t = System.nanoTime();
                    CustomModel cm =
                        admin
                            .resources(CustomModel.class)
                            .inNamespace(ns)
                            .withName(name)
                            .patch(
                                PatchContext.of(PatchType.JSON_MERGE),
                                "{\"spec\":{\"networkEgressPolicy\":\"" + egress + "\"}}");
                    Pending p = new Pending(cm.getMetadata().getGeneration(), t);
                    pending.put(name, p);
                    long[] o = observed.get(name);
                    if (o != null
                        && o[0] >= p.generation()
                        && o[1] >= t
                        && pending.remove(name, p)) {
                      latencies.add(o[1] - t);
                    }
                  }));
        },
        0,
        1_000_000 / rate,
        TimeUnit.MICROSECONDS);
    long t0 = System.nanoTime();
    while (k[0] < total) {
      Thread.sleep(100);
    }
    double sendSeconds = seconds(System.nanoTime() - t0);
    clock.shutdownNow();
    for (Future<?> f : List.copyOf(sent)) {
      f.get();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!pending.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    pool.shutdown();
    tracker.onUpdate((cm, now) -> {});
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("churnChanges", total);
    r.put("churnSendSeconds", sendSeconds);
    r.put("churnObserved", sorted.size());
    r.put("churnUnobservedAfter120s", pending.size());
    r.put("churnP50Ms", percentile(sorted, 50));
    r.put("churnP99Ms", percentile(sorted, 99));
    r.put("churnMaxMs", sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1) / 1e6);
    log(
        "churn: %d changes in %.1fs, p50 %.0f ms, p99 %.0f ms, %d unobserved",
        total, sendSeconds, percentile(sorted, 50), percentile(sorted, 99), pending.size());
    return r;
  }

  private Map<String, Object> operatorControlPlaneOnly(int run) throws Exception {
    String ns = namespace(run, "op-cp");
    Map<String, Object> r = new LinkedHashMap<>();
    try (OperatorProcess op = startOperator(ns, run, "control-plane");
        Tracker<Deployment> d =
            new Tracker<>(admin.apps().deployments().inNamespace(ns), x -> true);
        Tracker<Service> s = new Tracker<>(admin.services().inNamespace(ns), x -> true);
        Tracker<NetworkPolicy> n =
            new Tracker<>(admin.network().networkPolicies().inNamespace(ns), x -> true)) {
      op.awaitReady(Duration.ofMinutes(2));
      ApiServerWrites before = ApiServerWrites.scrape(admin);
      long t0 = System.nanoTime();
      createModels(ns, false);
      long t1 = allExist(d, s, n);
      ApiServerWrites w = ApiServerWrites.scrape(admin).since(before);
      r.put("controlPlaneOperatorSeconds", seconds(t1 - t0));
      r.put("controlPlaneOperatorWritesPerModel", (double) w.operatorTotal() / models);
      r.put("controlPlaneOperatorAllWritesPerModel", (double) w.total() / models);
      r.put("controlPlaneOperatorWrites", w.operator());
      log("control plane only: operator %.1fs", seconds(t1 - t0));
    } finally {
      deleteNamespace(ns);
    }
    return r;
  }

  /** The bare client: the operator's own objects for m00000, renamed, created directly. */
  private Map<String, Object> baseline(int run, boolean serving) throws Exception {
    String ns = namespace(run, serving ? "base" : "base-cp");
    String prefix = serving ? "serving" : "controlPlane";
    Map<String, Object> r = new LinkedHashMap<>();
    createNamespace(ns);
    try (Tracker<Deployment> d =
            new Tracker<>(
                admin.apps().deployments().inNamespace(ns),
                serving ? ServingBench::available : x -> true);
        Tracker<Service> s = new Tracker<>(admin.services().inNamespace(ns), x -> true);
        Tracker<NetworkPolicy> n =
            new Tracker<>(admin.network().networkPolicies().inNamespace(ns), x -> true)) {
      ApiServerWrites before = ApiServerWrites.scrape(admin);
      long t0 = System.nanoTime();
      parallel(
          i -> {
            String json = templateJson.replace("m00000", name(i));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> objects = Serialization.unmarshal(json, List.class);
            Deployment dep =
                Serialization.unmarshal(Serialization.asJson(objects.get(0)), Deployment.class);
            if (!serving) {
              dep.getSpec().setReplicas(0);
            }
            admin.apps().deployments().inNamespace(ns).resource(dep).create();
            admin
                .services()
                .inNamespace(ns)
                .resource(
                    Serialization.unmarshal(Serialization.asJson(objects.get(1)), Service.class))
                .create();
            admin
                .network()
                .networkPolicies()
                .inNamespace(ns)
                .resource(
                    Serialization.unmarshal(
                        Serialization.asJson(objects.get(2)), NetworkPolicy.class))
                .create();
          });
      r.put(prefix + "BaselineCreateSeconds", seconds(System.nanoTime() - t0));
      long t1 = allExist(d, s, n);
      ApiServerWrites w = ApiServerWrites.scrape(admin).since(before);
      r.put(prefix + "BaselineSeconds", seconds(t1 - t0));
      r.put(prefix + "BaselineWritesPerModel", (double) w.operatorTotal() / models);
      r.put(prefix + "BaselineAllWritesPerModel", (double) w.total() / models);
      log("%s: baseline %.1fs", prefix, seconds(t1 - t0));
    } finally {
      deleteNamespace(ns);
    }
    return r;
  }

  // ---- workload ------------------------------------------------------------------------------

  private OperatorProcess startOperator(String ns, int run, String phase) throws Exception {
    if (admin.namespaces().withName(ns).get() == null) {
      createNamespace(ns);
    }
    return OperatorProcess.start(
        jar,
        kubeconfig,
        ns,
        jvmOptions,
        operatorEnv,
        out.resolve("operator-" + stamp + "-run" + run + "-" + phase + ".log"));
  }

  private void createNamespace(String ns) {
    admin
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(ns)
                .addToLabels("modelops.io/bench", "true")
                .endMetadata()
                .build())
        .create();
    admin
        .configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("bench-code")
                .endMetadata()
                .addToData("start_server.sh", "#!/bin/sh\nexec python -m http.server \"$PORT\"\n")
                .build())
        .create();
    admin
        .resource(
            Serialization.unmarshal(
                """
        apiVersion: modelops.io/v1alpha1
        kind: ExecutionEnvironment
        metadata: {name: %s}
        spec:
          programmingLanguage: python
          versions: [{label: "1.0", image: "python:3.11-slim"}]
        """
                    .formatted(envName(ns)),
                ExecutionEnvironment.class))
        .create();
  }

  private void createModels(String ns, boolean serving) throws Exception {
    String env = envName(ns);
    parallel(
        i -> {
          String name = name(i);
          admin
              .resources(CustomModel.class)
              .inNamespace(ns)
              .resource(
                  Serialization.unmarshal(
                      """
          apiVersion: modelops.io/v1alpha1
          kind: CustomModel
          metadata: {name: %s}
          spec:
            targetType: Regression
            targetName: y
            replicas: 1
            networkEgressPolicy: NONE
          %s
          """
                          .formatted(name, serving ? "" : "  serving: {enabled: false}"),
                      CustomModel.class))
              .create();
          admin
              .resources(CustomModelVersion.class)
              .inNamespace(ns)
              .resource(
                  Serialization.unmarshal(
                      """
          apiVersion: modelops.io/v1alpha1
          kind: CustomModelVersion
          metadata: {name: %s-v1}
          spec:
            customModelRef: {name: %s}
            environment: {name: %s, version: "1.0"}
            code: {configMap: {name: bench-code}}
          """
                          .formatted(name, name, env),
                      CustomModelVersion.class))
              .create();
        });
  }

  /** Runs {@code task(i)} for every model with the configured concurrency; rethrows. */
  private void parallel(IntConsumer task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int i = 0; i < models; i++) {
        int n = i;
        fs.add(pool.submit(() -> task.accept(n)));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private String captureTemplate(String ns) {
    Deployment d =
        admin
            .apps()
            .deployments()
            .inNamespace(ns)
            .withLabel("modelops.io/model", name(0))
            .list()
            .getItems()
            .get(0);
    Service s = admin.services().inNamespace(ns).withName(ModelNames.service(name(0))).get();
    NetworkPolicy n =
        admin
            .network()
            .networkPolicies()
            .inNamespace(ns)
            .withName(ModelNames.networkPolicy(name(0)))
            .get();
    d.setStatus(null);
    s.setStatus(null);
    s.getSpec().setClusterIP(null);
    s.getSpec().setClusterIPs(null);
    List<HasMetadata> objects = List.of(d, s, n);
    for (HasMetadata o : objects) {
      ObjectMeta old = o.getMetadata();
      ObjectMeta m = new ObjectMeta();
      m.setName(old.getName());
      m.setLabels(old.getLabels());
      if (old.getAnnotations() != null) {
        Map<String, String> a = new HashMap<>(old.getAnnotations());
        a.remove("deployment.kubernetes.io/revision");
        m.setAnnotations(a.isEmpty() ? null : a);
      }
      o.setMetadata(m);
    }
    return Serialization.asJson(objects);
  }

  // ---- observations --------------------------------------------------------------------------

  static boolean ready(CustomModel cm) {
    return cm.getStatus() != null
        && cm.getStatus().getConditions() != null
        && cm.getMetadata().getGeneration().equals(cm.getStatus().getObservedGeneration())
        && cm.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && c.getStatus() == ConditionStatus.TRUE);
  }

  static boolean available(Deployment d) {
    return d.getStatus() != null
        && d.getStatus().getConditions() != null
        && d.getStatus().getConditions().stream()
            .anyMatch(c -> "Available".equals(c.getType()) && "True".equals(c.getStatus()))
        && d.getStatus().getAvailableReplicas() != null
        && d.getStatus().getAvailableReplicas() >= d.getSpec().getReplicas();
  }

  private long allExist(Tracker<?>... trackers) throws InterruptedException {
    long last = 0;
    for (Tracker<?> t : trackers) {
      long at = t.awaitCount(models, CONVERGE_TIMEOUT);
      require(at > 0, "only " + t.matched() + "/" + models + " objects");
      last = Math.max(last, at);
    }
    return last;
  }

  /** resourceVersion of every object the operator reads or writes for the models. */
  private Map<String, String> resourceVersions(String ns) {
    Map<String, String> v = new HashMap<>();
    List<HasMetadata> all = new ArrayList<>();
    all.addAll(admin.resources(CustomModel.class).inNamespace(ns).list().getItems());
    all.addAll(admin.resources(CustomModelVersion.class).inNamespace(ns).list().getItems());
    all.addAll(admin.apps().deployments().inNamespace(ns).list().getItems());
    all.addAll(admin.services().inNamespace(ns).list().getItems());
    all.addAll(admin.network().networkPolicies().inNamespace(ns).list().getItems());
    for (HasMetadata o : all) {
      v.put(o.getKind() + "/" + o.getMetadata().getName(), o.getMetadata().getResourceVersion());
    }
    return v;
  }

  private static Map<String, Integer> changed(Map<String, String> a, Map<String, String> b) {
    Map<String, Integer> byKind = new LinkedHashMap<>();
    b.forEach(
        (k, v) -> {
          if (!v.equals(a.get(k))) {
            byKind.merge(k.substring(0, k.indexOf('/')), 1, Integer::sum);
          }
        });
    return byKind;
  }

  /** Test JVMs of other work trees: they share the API server, so its counters too. */
  private static int otherTestJvms() {
    return (int)
        ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().orElse("").contains("surefire"))
            .count();
  }

  private void deleteNamespace(String ns) throws InterruptedException {
    admin.resources(ExecutionEnvironment.class).withName(envName(ns)).delete();
    admin.namespaces().withName(ns).delete();
    long t0 = System.nanoTime();
    long deadline = t0 + Duration.ofMinutes(10).toNanos();
    while (admin.namespaces().withName(ns).get() != null && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    log("namespace %s deleted in %.1fs", ns, seconds(System.nanoTime() - t0));
  }

  // ---- reporting -----------------------------------------------------------------------------

  private void report(
      Map<String, String> opts, List<Map<String, Object>> results, int runs, int churnRuns)
      throws Exception {
    Map<String, Object> summary = new LinkedHashMap<>();
    String[][] rows = {
      {"servingOperatorSeconds", "convergence, served (1 replica): operator s"},
      {"servingOperatorCreateSeconds", "  of which: harness creating N models+versions s"},
      {"servingBaselineSeconds", "convergence, served: bare client s"},
      {"servingBaselineCreateSeconds", "  of which: creating 3N objects s"},
      {"servingRatio", "convergence, served: ratio operator/baseline"},
      {"controlPlaneOperatorSeconds", "control plane only (replicas 0): operator s"},
      {"controlPlaneBaselineSeconds", "control plane only: bare client s"},
      {"controlPlaneRatio", "control plane only: ratio operator/baseline"},
      {"servingOperatorWritesPerModel", "API writes per created model: operator"},
      {"servingBaselineWritesPerModel", "API writes per created model: bare client"},
      {"controlPlaneOperatorWritesPerModel", "API writes per model, replicas 0: operator"},
      {"idleWritesTotal", "operator writes, 20 s idle after convergence"},
      {"resyncWritesTotal", "operator writes, restart resync of N Ready models"},
      {"afterRestartWrites20sTotal", "operator writes, 20 s after the resync"},
      {"operatorStartToReadySeconds", "operator start -> /readyz (empty namespace) s"},
      {"restartSecondsToAllReconciled", "operator start -> all N reconciled (restart) s"},
      {"churnP50Ms", "churn: spec change -> observedGeneration p50 ms"},
      {"churnP99Ms", "churn: spec change -> observedGeneration p99 ms"},
      {"rssMiBAfterConvergence", "operator RSS after convergence MiB"},
      {"heapMiBAfterConvergence", "operator heap used after convergence MiB"},
      {"rssMiBAfterRestart", "operator RSS after restart resync MiB"},
      {"liveHeapMiBAfterConvergence", "operator live heap (after a full GC) MiB"},
      {"rssMiBAfterFullGc", "operator RSS after that full GC MiB"},
      {"rssAnonMiBAfterFullGc", "  of which anonymous (RssAnon) MiB"},
      {"rssFileMiBAfterFullGc", "  of which file-backed (RssFile) MiB"},
      {"liveHeapMiBAfterRestart", "operator live heap after restart resync MiB"},
      {"servingOperatorAllWritesPerModel", "all clients' API writes per model: operator"},
      {"servingBaselineAllWritesPerModel", "all clients' API writes per model: bare client"},
      {"servingAllWritesRatio", "ratio of all API writes, served"},
      {"controlPlaneAllWritesRatio", "ratio of all API writes, control plane only"},
    };
    for (Map<String, Object> r : results) {
      r.put("servingRatio", num(r, "servingOperatorSeconds") / num(r, "servingBaselineSeconds"));
      r.put(
          "controlPlaneRatio",
          num(r, "controlPlaneOperatorSeconds") / num(r, "controlPlaneBaselineSeconds"));
      // What the control plane had to process: every client's writes (the harness creating the
      // custom resources, kube-controller-manager, kwok), per model, operator phase / baseline.
      r.put(
          "servingAllWritesRatio",
          num(r, "servingOperatorAllWritesPerModel") / num(r, "servingBaselineAllWritesPerModel"));
      r.put(
          "controlPlaneAllWritesRatio",
          num(r, "controlPlaneOperatorAllWritesPerModel")
              / num(r, "controlPlaneBaselineAllWritesPerModel"));
      @SuppressWarnings("unchecked")
      Map<String, Long> idle = (Map<String, Long>) r.get("idleWrites20s");
      r.put("idleWritesTotal", idle.values().stream().mapToLong(Long::longValue).sum());
    }
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            "%nModelOps bench: N=%d models, %d run(s) (churn in %d), "
                + "concurrency %d, operator JVM: %s, %d CPUs%n",
            models,
            results.size(),
            Math.min(churnRuns, results.size()),
            concurrency,
            String.join(" ", jvmOptions),
            Runtime.getRuntime().availableProcessors()));
    table.append(
        String.format("%-52s %10s %10s %10s   %s%n", "measure", "median", "min", "max", "runs"));
    for (String[] row : rows) {
      List<Double> xs = new ArrayList<>();
      for (Map<String, Object> r : results) {
        if (r.get(row[0]) instanceof Number n && !Double.isNaN(n.doubleValue())) {
          xs.add(n.doubleValue());
        }
      }
      if (xs.isEmpty()) {
        continue;
      }
      Collections.sort(xs);
      double median =
          xs.size() % 2 == 1
              ? xs.get(xs.size() / 2)
              : (xs.get(xs.size() / 2 - 1) + xs.get(xs.size() / 2)) / 2;
      summary.put(
          row[0],
          Map.of(
              "median", median, "min", xs.get(0), "max", xs.get(xs.size() - 1), "runs", xs.size()));
      table.append(
          String.format(
              "%-52s %10.2f %10.2f %10.2f   %d%n",
              row[1], median, xs.get(0), xs.get(xs.size() - 1), xs.size()));
    }
    System.out.print(table);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("models", models);
    doc.put("runsPlanned", runs);
    doc.put("runsDone", results.size());
    doc.put("concurrency", concurrency);
    doc.put("operatorJvm", String.join(" ", jvmOptions));
    doc.put("operatorEnv", operatorEnv);
    doc.put("cpus", Runtime.getRuntime().availableProcessors());
    doc.put("clusterSettings", opts.getOrDefault("cluster-settings", ""));
    doc.put("summary", summary);
    doc.put("runs", results);
    doc.put("table", table.toString());
    Files.createDirectories(out);
    Path file = out.resolve("bench-" + models + "-" + stamp + ".json");
    JSON.writeValue(file.toFile(), doc);
    Files.copy(file, out.resolve("latest.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    log("results written to %s", file);
  }

  // ---- small things --------------------------------------------------------------------------

  private String namespace(int run, String what) {
    return "bench-" + stamp + "-" + run + "-" + what;
  }

  private static String envName(String ns) {
    return "env-" + ns;
  }

  static String name(int i) {
    return String.format("m%05d", i);
  }

  private static double num(Map<String, Object> r, String key) {
    return r.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  private static double percentile(List<Long> sortedNanos, int p) {
    if (sortedNanos.isEmpty()) {
      return Double.NaN;
    }
    int idx = (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1;
    return sortedNanos.get(Math.max(0, idx)) / 1e6;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }

  private static void log(String format, Object... args) {
    System.err.printf(
        "[bench %s] %s%n",
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")),
        String.format(format, args));
  }
}
