package io.modelops.operator.bootstrap;

import io.javaoperatorsdk.operator.RuntimeInfo;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.modelops.operator.config.HttpEndpoints;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The operator's own endpoints, on two ports with separate servers and threads: {@code /metrics}
 * (Prometheus text format) on the metrics port, and the kubelet's probes on the probe port — {@code
 * /healthz} (the process is alive and the operator has not stopped) and {@code /readyz} (every
 * informer of a leading replica is healthy; a standby replica waiting for the Lease is ready too,
 * so a rollout is not blocked). However many clients hold {@code /metrics}, a probe is answered by
 * threads of its own; every connection has a deadline (see {@link BoundedHttpServer}).
 */
public final class HealthServer implements AutoCloseable {
  /**
   * Probes are answered from memory: a thread each for a kubelet's startup, liveness and readiness
   * probes, which may arrive together.
   */
  private static final int PROBE_THREADS = 3;

  /** How long a probe finding every probe thread busy waits for one (no pod can reach the port). */
  private static final Duration PROBE_HANDOFF = Duration.ofMillis(500);

  private final BoundedHttpServer metrics;
  private final BoundedHttpServer probes;

  private HealthServer(BoundedHttpServer metrics, BoundedHttpServer probes) {
    this.metrics = metrics;
    this.probes = probes;
  }

  /** Starts both servers as the operator's configuration says. */
  public static HealthServer start(
      HttpEndpoints endpoints,
      PrometheusMeterRegistry registry,
      BooleanSupplier alive,
      BooleanSupplier ready)
      throws IOException {
    return start(
        endpoints.metricsPort(),
        endpoints.probePort(),
        endpoints.metricsThreads(),
        Duration.ofSeconds(endpoints.requestTimeoutSeconds()),
        registry,
        alive,
        ready);
  }

  /** Starts both servers; a port of 0 picks a free one. */
  public static HealthServer start(
      int metricsPort,
      int probePort,
      int metricsThreads,
      Duration requestTimeout,
      PrometheusMeterRegistry registry,
      BooleanSupplier alive,
      BooleanSupplier ready)
      throws IOException {
    BoundedHttpServer probes =
        BoundedHttpServer.start(
            "probes",
            probePort,
            Map.of("/healthz", () -> probe(alive), "/readyz", () -> probe(ready)),
            PROBE_THREADS,
            requestTimeout,
            PROBE_HANDOFF);
    try {
      BoundedHttpServer metrics =
          BoundedHttpServer.start(
              "metrics",
              metricsPort,
              Map.of("/metrics", () -> new BoundedHttpServer.Response(200, registry.scrape())),
              metricsThreads,
              requestTimeout);
      return new HealthServer(metrics, probes);
    } catch (IOException | RuntimeException e) {
      probes.close();
      throw e;
    }
  }

  /** Readiness of an operator: not started yet is not ready; started means healthy informers. */
  public static boolean ready(RuntimeInfo info) {
    return info.isStarted() && info.allEventSourcesAreHealthy();
  }

  public int metricsPort() {
    return metrics.port();
  }

  public int probePort() {
    return probes.port();
  }

  private static BoundedHttpServer.Response probe(BooleanSupplier check) {
    boolean ok;
    try {
      ok = check.getAsBoolean();
    } catch (RuntimeException e) {
      ok = false;
    }
    return new BoundedHttpServer.Response(ok ? 200 : 503, ok ? "ok\n" : "not ok\n");
  }

  @Override
  public void close() {
    metrics.close();
    probes.close();
  }
}
