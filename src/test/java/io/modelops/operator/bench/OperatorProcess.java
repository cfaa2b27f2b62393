package io.modelops.operator.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The operator as its own process ({@code java -Xmx.. -jar target/modelops-operator.jar}), watching
 * one namespace, with leader election off: what the benchmark measures. The chaos harness
 * (io.modelops.operator.chaos) runs replicas with leader election on through {@link #startReplica}.
 */
public final class OperatorProcess implements AutoCloseable {
  private final Process process;
  private final int metricsPort;
  private final int probePort;
  private final long startedNanos;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private OperatorProcess(Process process, int metricsPort, int probePort, long startedNanos) {
    this.process = process;
    this.metricsPort = metricsPort;
    this.probePort = probePort;
    this.startedNanos = startedNanos;
  }

  static OperatorProcess start(
      Path jar,
      Path kubeconfig,
      String namespace,
      List<String> jvmOptions,
      java.util.Map<String, String> env,
      Path log)
      throws IOException {
    List<String> java = new java.util.ArrayList<>(jvmOptions);
    java.addAll(List.of("-jar", jar.toString()));
    java.util.Map<String, String> all = new java.util.HashMap<>(env);
    all.put("MODELOPS_LEADER_ELECTION", "false");
    return startReplica(java, kubeconfig, namespace, all, log);
  }

  /**
   * The operator from {@code javaArgs} (JVM flags, then {@code -jar <jar>} or {@code -cp <path>
   * <main class>}) with {@code env} over the defaults (one watched namespace, free metrics and
   * probe ports, leader election off unless {@code env} sets MODELOPS_LEADER_ELECTION).
   */
  public static OperatorProcess startReplica(
      List<String> javaArgs,
      Path kubeconfig,
      String namespace,
      java.util.Map<String, String> env,
      Path log)
      throws IOException {
    int metricsPort;
    int probePort;
    try (ServerSocket a = new ServerSocket(0);
        ServerSocket b = new ServerSocket(0)) {
      metricsPort = a.getLocalPort();
      probePort = b.getLocalPort();
    }
    Files.createDirectories(log.getParent());
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(javaArgs);
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().put("KUBECONFIG", kubeconfig.toString());
    pb.environment().put("MODELOPS_WATCH_NAMESPACES", namespace);
    pb.environment().put("MODELOPS_LEADER_ELECTION", "false");
    pb.environment().put("MODELOPS_METRICS_PORT", Integer.toString(metricsPort));
    pb.environment().put("MODELOPS_PROBE_PORT", Integer.toString(probePort));
    pb.environment().putAll(env);
    long t0 = System.nanoTime();
    return new OperatorProcess(pb.start(), metricsPort, probePort, t0);
  }

  public long pid() {
    return process.pid();
  }

  long startedNanos() {
    return startedNanos;
  }

  /** VmRSS of the process in bytes, from /proc/&lt;pid&gt;/status. */
  long rssBytes() throws IOException {
    Long rss = procStatusBytes(List.of("VmRSS")).get("VmRSS");
    if (rss == null) {
      throw new IOException("no VmRSS for pid " + pid());
    }
    return rss;
  }

  /**
   * The process' resident memory split as the kernel reports it ({@code RssAnon}, {@code RssFile},
   * {@code RssShmem} of /proc/&lt;pid&gt;/status), in bytes. Anonymous memory (heap, metaspace,
   * thread stacks, malloc) is what a container's limit cannot reclaim; file pages (the JDK's shared
   * libraries and class-data archive) are page cache the kernel can drop under pressure.
   */
  java.util.Map<String, Long> rssSplitBytes() throws IOException {
    return procStatusBytes(List.of("RssAnon", "RssFile", "RssShmem"));
  }

  /** The {@code keys} of /proc/&lt;pid&gt;/status (values in kB there), in bytes. */
  private java.util.Map<String, Long> procStatusBytes(List<String> keys) throws IOException {
    java.util.Map<String, Long> found = new java.util.LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
      int colon = line.indexOf(':');
      if (colon > 0 && keys.contains(line.substring(0, colon))) {
        found.put(line.substring(0, colon), Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
      }
    }
    return found;
  }

  /**
   * Committed memory per JVM area from Native Memory Tracking ({@code jcmd <pid> VM.native_memory
   * summary}), in MiB, when the operator runs with {@code -XX:NativeMemoryTracking=summary} (bench
   * option {@code --jvm-options}); empty otherwise.
   */
  java.util.Map<String, Double> nativeMemoryCommittedMiB()
      throws IOException, InterruptedException {
    java.util.Map<String, Double> committed = new java.util.LinkedHashMap<>();
    String out;
    try {
      out = jcmd("VM.native_memory", "summary", "scale=KB");
    } catch (IOException e) {
      return committed;
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "(?m)^(?:-\\s+)?([A-Za-z][A-Za-z ]*?)\\s*\\(reserved=\\d+KB, committed=(\\d+)KB\\)")
            .matcher(out);
    java.util.regex.Matcher total =
        java.util.regex.Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB").matcher(out);
    if (total.find()) {
      committed.put("Total", Long.parseLong(total.group(1)) / 1024.0);
    }
    while (m.find()) {
      committed.put(m.group(1).trim(), Long.parseLong(m.group(2)) / 1024.0);
    }
    return committed;
  }

  /** Waits until /readyz answers 200 (informers synced); returns seconds since start. */
  public double awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + probePort + "/readyz"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return (System.nanoTime() - startedNanos) / 1e9;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("operator not ready within " + timeout);
  }

  /** The operator's own Prometheus text, or "" while it does not answer yet. */
  public String metrics() {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body() : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** Sum of the samples of {@code name} whose labels contain every one of {@code labels}. */
  static double sum(String prometheusText, String name, String... labels) {
    double total = 0;
    for (String line : prometheusText.split("\n")) {
      if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
        continue;
      }
      boolean all = true;
      for (String l : labels) {
        all &= line.contains(l);
      }
      if (all) {
        total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return total;
  }

  /** Heap in use, from jvm_memory_used_bytes{area="heap"}. */
  long heapUsedBytes() {
    return (long) sum(metrics(), "jvm_memory_used_bytes", "area=\"heap\"");
  }

  /**
   * Heap in use right after a full collection ({@code jcmd <pid> GC.run}): the live set, which
   * (unlike "heap used" at a random moment) does not depend on when the last GC ran.
   */
  long liveHeapBytes() throws IOException, InterruptedException {
    jcmd("GC.run");
    return heapUsedBytes();
  }

  /** {@code jcmd <pid> <command...>}: its output; an IOException when it fails or takes 60 s. */
  private String jcmd(String... command) throws IOException, InterruptedException {
    List<String> line =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid())));
    line.addAll(List.of(command));
    Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes());
    if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
      throw new IOException("jcmd " + String.join(" ", command) + " failed: " + out);
    }
    return out;
  }

  /** Successful reconciliations of a kind so far (JOSDK's Micrometer counters). */
  long reconciledSuccessfully(String kind) {
    return (long)
        sum(metrics(), "operator_sdk_reconciliations_success_total", "kind=\"" + kind + "\"");
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** Exit code once exited. */
  public int exitValue() {
    return process.exitValue();
  }

  /** SIGKILL ({@code force}) or SIGTERM, without waiting. */
  public void signal(boolean force) {
    if (force) {
      process.destroyForcibly();
    } else {
      process.destroy();
    }
  }

  /** Waits up to {@code timeout} for the process to exit; whether it did. */
  public boolean awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
