package io.modelops.operator.chaos;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.modelops.operator.testing.ExternalCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The chaos harness' own kwok cluster (MODELOPS_CLUSTER, default {@code modelops-chaos}), with
 * kube-apiserver's audit log on (dev/chaos/audit-policy.yaml): brought up and deleted through the
 * dev/ scripts, so it never touches the shared test cluster. Components of the binary runtime can
 * be stopped and started again one by one (kwokctl 0.8 stops only whole clusters): the process
 * named by the cluster's pid file is terminated, and later started again with the command line,
 * working directory and environment it had. A supervisor plays the kubelet of a real control plane:
 * a component that exits by itself (kube-controller-manager and kube-scheduler exit when they lose
 * their own leader election during an API server outage) is started again, and counted.
 *
 * <p>kwokctl deletes a cluster without stopping the components it did not start itself, so the
 * harness stops the ones it started again when it closes, and before creating a cluster it stops
 * any process still running from that cluster's directory (a harness that died): otherwise an old
 * kube-apiserver stays up, and since the next cluster may get the same etcd port, it serves and
 * writes the next run's etcd too (seen: a run's restarted kube-apiserver still running in the next
 * run).
 */
final class ChaosCluster implements AutoCloseable {
  private final Path repo;
  private final String name;
  private final Path kubeconfig;
  private final Path dir;
  private final KubernetesClient admin;
  private final KubernetesClient probe;
  private final Map<String, Stopped> stopped = new HashMap<>();
  private final Map<String, Stopped> launched = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Integer> restarts = new java.util.concurrent.ConcurrentHashMap<>();
  private final Thread kubelet = new Thread(this::supervise, "chaos-kubelet");
  private final List<Process> started = new java.util.concurrent.CopyOnWriteArrayList<>();
  // its own threads: a probe that hangs must not hold up the next one
  private final java.util.concurrent.ExecutorService probes =
      java.util.concurrent.Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "chaos-readyz");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean closed;

  private record Stopped(List<String> command, Path cwd, Map<String, String> env) {}

  private ChaosCluster(Path repo, String name, Path kubeconfig) throws IOException {
    this.repo = repo;
    this.name = name;
    this.kubeconfig = kubeconfig;
    this.dir = Path.of(System.getProperty("user.home"), ".kwok", "clusters", name);
    Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
    config.setRequestTimeout(15_000);
    config.setUserAgent("modelops-chaos-harness");
    this.admin = new KubernetesClientBuilder().withConfig(config).build();
    Config quick = Config.fromKubeconfig(Files.readString(kubeconfig));
    quick.setRequestTimeout(2_000);
    quick.setConnectionTimeout(1_000);
    quick.setRequestRetryBackoffLimit(0);
    this.probe = new KubernetesClientBuilder().withConfig(quick).build();
  }

  /** Creates the cluster (a fresh one: the audit log must start empty) and installs the CRDs. */
  static ChaosCluster up(Path repo, String name) throws IOException {
    Path dir = Path.of(System.getProperty("user.home"), ".kwok", "clusters", name);
    terminate(
        ProcessHandle.allProcesses()
            .filter(p -> p.info().command().map(c -> c.startsWith(dir + "/")).orElse(false))
            .toList());
    down(repo, name);
    var up =
        ExternalCommand.of("bash", "dev/scripts/cluster-up.sh")
            .in(repo)
            .env("MODELOPS_CLUSTER", name)
            // kube-controller-manager and kube-scheduler without leader election: with it they
            // exit when an outage costs them their Lease, and the restarted one waits out the old
            // Lease (15 s) before it works again, which would be measured as the operator's delay.
            .env(
                "MODELOPS_KWOKCTL_ARGS",
                "--kube-audit-policy "
                    + repo.resolve("dev/chaos/audit-policy.yaml")
                    + " --extra-args kube-controller-manager=leader-elect=false"
                    + " --extra-args kube-scheduler=leader-elect=false")
            .timeout(Duration.ofMinutes(15))
            .run()
            .requireSuccess();
    List<String> lines = up.stdout().strip().lines().toList();
    ChaosCluster cluster = new ChaosCluster(repo, name, Path.of(lines.get(lines.size() - 1)));
    try (var pids = Files.list(cluster.dir.resolve("pids"))) {
      for (Path pid : pids.toList()) {
        String component = pid.getFileName().toString().replaceFirst("\\.pid$", "");
        cluster.launched.put(component, cluster.describe(component));
      }
    }
    cluster.kubelet.setDaemon(true);
    cluster.kubelet.start();
    ExternalCommand.kubectl(
            "--kubeconfig",
            cluster.kubeconfig.toString(),
            "apply",
            "--server-side",
            "--force-conflicts",
            "-f",
            repo.resolve("crds").toString())
        .run()
        .requireSuccess();
    ExternalCommand.kubectl(
            "--kubeconfig",
            cluster.kubeconfig.toString(),
            "wait",
            "--for",
            "condition=Established",
            "-f",
            repo.resolve("crds").toString(),
            "--timeout=60s")
        .run()
        .requireSuccess();
    return cluster;
  }

  static void down(Path repo, String name) {
    ExternalCommand.of("bash", "dev/scripts/cluster-down.sh")
        .in(repo)
        .env("MODELOPS_CLUSTER", name)
        .timeout(Duration.ofMinutes(2))
        .run();
  }

  KubernetesClient admin() {
    return admin;
  }

  Path kubeconfig() {
    return kubeconfig;
  }

  String name() {
    return name;
  }

  /** kube-apiserver's audit log (JSON lines). */
  Path auditLog() {
    return dir.resolve("logs").resolve("audit.log");
  }

  /**
   * Whether kube-apiserver answers /readyz (with etcd reachable) within 3 s. Bounded here: a raw
   * request of the client once waited without end (seen after an etcd stop), which stalled a run.
   */
  boolean ready() {
    return answers(() -> "ok".equals(probe.raw("/readyz")));
  }

  /**
   * Whether the API server answers a read of the Lease {@code namespace/name} within 3 s. After an
   * etcd outage kube-apiserver can report itself ready while reads of some resources still time out
   * (seen for Leases: 40 s after /readyz passed); no replica can lead before the Lease answers.
   */
  boolean leaseReadable(String namespace, String name) {
    return answers(
        () -> {
          probe.leases().inNamespace(namespace).withName(name).get();
          return true;
        });
  }

  /** Whether {@code request} returns true within 3 s, on the probe threads. */
  private boolean answers(Supplier<Boolean> request) {
    CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(request, probes);
    try {
      return answer.get(3, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      answer.cancel(true);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Waits until kube-apiserver is ready again; the time it took in ms, or -1. */
  long awaitReady(Duration timeout) throws InterruptedException {
    return await(this::ready, timeout);
  }

  /** Waits until the Lease {@code namespace/name} answers a read; the time it took in ms, or -1. */
  long awaitLeaseReadable(String namespace, String name, Duration timeout)
      throws InterruptedException {
    return await(() -> leaseReadable(namespace, name), timeout);
  }

  /** Polls {@code check} every 200 ms; the ms until it held, or -1 after {@code timeout}. */
  private static long await(BooleanSupplier check, Duration timeout) throws InterruptedException {
    long t0 = System.nanoTime();
    long deadline = t0 + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (check.getAsBoolean()) {
        return (System.nanoTime() - t0) / 1_000_000;
      }
      Thread.sleep(200);
    }
    return -1;
  }

  private long pid(String component) throws IOException {
    return Long.parseLong(Files.readString(dir.resolve("pids").resolve(component + ".pid")).trim());
  }

  /** How a running component was started: command line, working directory, environment. */
  private Stopped describe(String component) throws IOException {
    Path proc = Path.of("/proc", Long.toString(pid(component)));
    List<String> command = new ArrayList<>();
    for (String arg :
        new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
            .split("\0")) {
      command.add(arg);
    }
    Map<String, String> env = new HashMap<>();
    for (String kv :
        new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.UTF_8)
            .split("\0")) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        env.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
    }
    return new Stopped(command, proc.resolve("cwd").toRealPath(), env);
  }

  private void supervise() {
    while (!closed) {
      try {
        Thread.sleep(1000);
        for (var e : launched.entrySet()) {
          synchronized (this) {
            if (closed || stopped.containsKey(e.getKey())) {
              continue;
            }
            if (ProcessHandle.of(pid(e.getKey())).map(ProcessHandle::isAlive).orElse(false)) {
              continue;
            }
            ChaosHarness.log("%s exited by itself: starting it again", e.getKey());
            launch(e.getKey(), e.getValue());
            restarts.merge(e.getKey(), 1, Integer::sum);
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (IOException | RuntimeException e) {
        ChaosHarness.log("control plane supervisor: %s", e);
      }
    }
  }

  /** Components started again after exiting by themselves, by name. */
  Map<String, Integer> componentRestarts() {
    return Map.copyOf(restarts);
  }

  /** Terminates a component ({@code etcd}, {@code kube-apiserver}, ...) and remembers it. */
  synchronized void stop(String component) throws IOException, InterruptedException {
    long pid = pid(component);
    Stopped how = describe(component);
    ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
    // SIGTERM, as a node shutting the component down would; SIGKILL if it lingers (the API
    // server drains its requests for a while).
    handle.destroy();
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (handle.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    if (handle.isAlive()) {
      handle.destroyForcibly();
      while (handle.isAlive()) {
        Thread.sleep(100);
      }
    }
    stopped.put(component, how);
  }

  /** Starts a stopped component again, as kwokctl had started it. */
  synchronized void start(String component) throws IOException {
    Stopped s = stopped.remove(component);
    if (s == null) {
      throw new IllegalStateException(component + " was not stopped");
    }
    launch(component, s);
  }

  private void launch(String component, Stopped s) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(s.command())
            .directory(s.cwd().toFile())
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(
                    dir.resolve("logs").resolve(component + ".log").toFile()));
    pb.environment().clear();
    pb.environment().putAll(s.env());
    Process p = pb.start();
    started.add(p);
    p.getOutputStream().close();
    Files.writeString(dir.resolve("pids").resolve(component + ".pid"), p.pid() + "\n");
  }

  @Override
  public void close() {
    closed = true;
    kubelet.interrupt();
    admin.close();
    probe.close();
    probes.shutdownNow();
    if (!Boolean.getBoolean("modelops.chaos.keepCluster")) {
      terminate(started.stream().map(Process::toHandle).toList());
      down(repo, name);
    }
  }

  /** SIGTERM, then SIGKILL to whatever still runs 10 s later. */
  private static void terminate(List<ProcessHandle> processes) {
    List<ProcessHandle> alive = processes.stream().filter(ProcessHandle::isAlive).toList();
    alive.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + 10_000_000_000L;
    for (ProcessHandle p : alive) {
      try {
        p.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException | TimeoutException e) {
        p.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
  }
}
