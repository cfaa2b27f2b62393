package io.modelops.operator.config;

/**
 * The operator's own HTTP endpoints: {@code /metrics} on one port and the kubelet's probes ({@code
 * /healthz}, {@code /readyz}) on another, each served by its own threads, so that no client of
 * {@code /metrics} can delay a probe.
 *
 * @param metricsPort port of {@code /metrics}
 * @param probePort port of {@code /healthz} and {@code /readyz}
 * @param metricsThreads requests to {@code /metrics} served at once; more are refused with 503
 * @param requestTimeoutSeconds longest a connection may take, from accept to the last byte of the
 *     response (a client that sends its request or reads the answer more slowly is disconnected)
 */
public record HttpEndpoints(
    int metricsPort, int probePort, int metricsThreads, int requestTimeoutSeconds) {
  public static final int DEFAULT_METRICS_PORT = 8080;
  public static final int DEFAULT_PROBE_PORT = 8081;

  public HttpEndpoints {
    metricsPort = metricsPort == 0 ? DEFAULT_METRICS_PORT : metricsPort;
    probePort = probePort == 0 ? DEFAULT_PROBE_PORT : probePort;
    metricsThreads = metricsThreads == 0 ? 4 : metricsThreads;
    requestTimeoutSeconds = requestTimeoutSeconds == 0 ? 10 : requestTimeoutSeconds;
    requirePort("endpoints.metricsPort", metricsPort);
    requirePort("endpoints.probePort", probePort);
    if (metricsPort == probePort) {
      throw new IllegalArgumentException(
          "endpoints.metricsPort and endpoints.probePort must differ: probes get a server of their"
              + " own");
    }
    if (metricsThreads < 1 || metricsThreads > 64) {
      throw new IllegalArgumentException("endpoints.metricsThreads must be within 1..64");
    }
    if (requestTimeoutSeconds < 1 || requestTimeoutSeconds > 300) {
      throw new IllegalArgumentException("endpoints.requestTimeoutSeconds must be within 1..300");
    }
  }

  /** Every setting at its default. */
  public static HttpEndpoints defaults() {
    return new HttpEndpoints(0, 0, 0, 0);
  }

  private static void requirePort(String field, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(field + " must be within 1..65535, got " + port);
    }
  }
}
