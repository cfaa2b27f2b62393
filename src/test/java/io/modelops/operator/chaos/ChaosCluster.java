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

/**
 * The chaos harness' own kwok cluster (MODELOPS_CLUSTER, default {@code modelops-chaos}), with
 * kube-apiserver's audit log on (dev/chaos/audit-policy.yaml): brought up and deleted through
 * the dev/ scripts, so it never touches the shared test cluster. Components of the binary
 * runtime can be stopped and started again one by one (kwokctl 0.8 stops only whole clusters):
 * the process named by the cluster's pid file is terminated, and later started again with the
 * command line, working directory and environment it had.
 */
final class ChaosCluster implements AutoCloseable {
  private final Path repo;
  private final String name;
  private final Path kubeconfig;
  private final Path dir;
  private final KubernetesClient admin;
  private final Map<String, Stopped> stopped = new HashMap<>();

  private record Stopped(List<String> command, Path cwd, Map<String, String> env) { }

  private ChaosCluster(Path repo, String name, Path kubeconfig) throws IOException {
    this.repo = repo;
    this.name = name;
    this.kubeconfig = kubeconfig;
    this.dir = Path.of(System.getProperty("user.home"), ".kwok", "clusters", name);
    Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
    config.setRequestTimeout(15_000);
    config.setUserAgent("modelops-chaos-harness");
    this.admin = new KubernetesClientBuilder().withConfig(config).build();
  }

  /** Creates the cluster (a fresh one: the audit log must start empty) and installs the CRDs. */
  static ChaosCluster up(Path repo, String name) throws IOException {
    down(repo, name);
    var up = ExternalCommand.of("bash", "dev/scripts/cluster-up.sh").in(repo)
        .env("MODELOPS_CLUSTER", name)
        .env("MODELOPS_KWOKCTL_ARGS", "--kube-audit-policy "
            + repo.resolve("dev/chaos/audit-policy.yaml"))
        .timeout(Duration.ofMinutes(15)).run().requireSuccess();
    List<String> lines = up.stdout().strip().lines().toList();
    ChaosCluster cluster = new ChaosCluster(repo, name, Path.of(lines.get(lines.size() - 1)));
    ExternalCommand.kubectl("--kubeconfig", cluster.kubeconfig.toString(), "apply",
        "--server-side", "--force-conflicts", "-f", repo.resolve("crds").toString()).run()
        .requireSuccess();
    ExternalCommand.kubectl("--kubeconfig", cluster.kubeconfig.toString(), "wait",
        "--for", "condition=Established", "-f", repo.resolve("crds").toString(),
        "--timeout=60s").run().requireSuccess();
    return cluster;
  }

  static void down(Path repo, String name) {
    ExternalCommand.of("bash", "dev/scripts/cluster-down.sh").in(repo)
        .env("MODELOPS_CLUSTER", name).timeout(Duration.ofMinutes(2)).run();
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

  /** Whether kube-apiserver answers /readyz (with etcd reachable). */
  boolean ready() {
    try {
      return "ok".equals(admin.raw("/readyz"));
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Waits until kube-apiserver is ready again; the time it took in ms, or -1. */
  long awaitReady(Duration timeout) throws InterruptedException {
    long t0 = System.nanoTime();
    long deadline = t0 + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (ready()) {
        return (System.nanoTime() - t0) / 1_000_000;
      }
      Thread.sleep(200);
    }
    return -1;
  }

  /** Terminates a component ({@code etcd}, {@code kube-apiserver}, ...) and remembers it. */
  void stop(String component) throws IOException, InterruptedException {
    Path pidFile = dir.resolve("pids").resolve(component + ".pid");
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    Path proc = Path.of("/proc", Long.toString(pid));
    List<String> command = new ArrayList<>();
    for (String arg : new String(Files.readAllBytes(proc.resolve("cmdline")),
        StandardCharsets.UTF_8).split("\0")) {
      command.add(arg);
    }
    Map<String, String> env = new HashMap<>();
    for (String kv : new String(Files.readAllBytes(proc.resolve("environ")),
        StandardCharsets.UTF_8).split("\0")) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        env.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
    }
    Path cwd = proc.resolve("cwd").toRealPath();
    ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
    handle.destroy();
    if (!handle.onExit().toCompletableFuture().completeOnTimeout(null, 20,
        java.util.concurrent.TimeUnit.SECONDS).join().isAlive()) {
      stopped.put(component, new Stopped(command, cwd, env));
      return;
    }
    handle.destroyForcibly();
    Thread.sleep(500);
    stopped.put(component, new Stopped(command, cwd, env));
  }

  /** Starts a stopped component again, as kwokctl had started it. */
  void start(String component) throws IOException {
    Stopped s = stopped.remove(component);
    if (s == null) {
      throw new IllegalStateException(component + " was not stopped");
    }
    ProcessBuilder pb = new ProcessBuilder(s.command()).directory(s.cwd().toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(
            dir.resolve("logs").resolve(component + ".log").toFile()));
    pb.environment().clear();
    pb.environment().putAll(s.env());
    Process p = pb.start();
    p.getOutputStream().close();
    Files.writeString(dir.resolve("pids").resolve(component + ".pid"), p.pid() + "\n");
  }

  @Override
  public void close() {
    admin.close();
    if (!Boolean.getBoolean("modelops.chaos.keepCluster")) {
      down(repo, name);
    }
  }
}
