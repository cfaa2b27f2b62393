package io.modelops.operator.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HealthServerTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Test
  void servesProbesAndMetricsOnSeparatePorts() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Counter.builder("modelops_test_events").register(registry).increment(3);
    AtomicBoolean ready = new AtomicBoolean(false);
    try (HealthServer server = start(registry, 4, () -> true, ready::get)) {
      assertThat(server.probePort()).isNotEqualTo(server.metricsPort());
      assertThat(get(server.probePort(), "/healthz").statusCode()).isEqualTo(200);
      assertThat(get(server.probePort(), "/readyz").statusCode()).isEqualTo(503);
      ready.set(true);
      assertThat(get(server.probePort(), "/readyz").statusCode()).isEqualTo(200);
      HttpResponse<String> metrics = get(server.metricsPort(), "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("modelops_test_events_total 3.0");
      assertThat(get(server.metricsPort(), "/metrics?x=1").statusCode()).isEqualTo(200);
      // Each port serves only its own paths.
      assertThat(get(server.metricsPort(), "/healthz").statusCode()).isEqualTo(404);
      assertThat(get(server.probePort(), "/metrics").statusCode()).isEqualTo(404);
      assertThat(
              http.send(
                      HttpRequest.newBuilder(url(server.metricsPort(), "/metrics"))
                          .POST(HttpRequest.BodyPublishers.ofString("x"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(405);
    }
  }

  @Test
  void aFailingCheckIsNotReady() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (HealthServer server =
        start(
            registry,
            4,
            () -> true,
            () -> {
              throw new IllegalStateException("informer down");
            })) {
      HttpResponse<String> readyz = get(server.probePort(), "/readyz");
      assertThat(readyz.statusCode()).isEqualTo(503);
      assertThat(readyz.body()).doesNotContain("informer down");
    }
  }

  @Test
  void aRequestHeadOverTheLimitIsCutWithoutAnAnswer() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (HealthServer server = start(registry, 2, () -> true, () -> true);
        Socket socket = connect(server.metricsPort())) {
      socket.setSoTimeout(5000);
      send(socket, "GET /metrics HTTP/1.1\r\nX-Padding: " + "a".repeat(16 * 1024) + "\r\n\r\n");
      String answer;
      try {
        answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      } catch (java.net.SocketException reset) {
        answer = "";
      }
      assertThat(answer).as("no answer to an oversized request").isEmpty();
      assertThat(get(server.metricsPort(), "/metrics").statusCode()).isEqualTo(200);
    }
  }

  /**
   * Slow clients hold every thread of /metrics — each sends its request a few bytes at a time and
   * never finishes — and more wait behind them, connected and silent, or sending a request and
   * never reading the (large) answer: probes keep answering promptly, a further scrape is refused
   * at once instead of hanging, and when the deadline passes every slow connection is cut and
   * /metrics serves again.
   */
  @Test
  void slowMetricsClientsCannotDelayProbesOrHoldThreadsPastTheDeadline() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // ~1 MB of metrics, so a client that does not read may leave the server's write blocked.
    for (int i = 0; i < 6_000; i++) {
      Gauge.builder("modelops_test_gauge", () -> 1.0)
          .tag("series", "s" + i + "-".repeat(100))
          .register(registry);
    }
    int threads = 2;
    List<Socket> slow = new ArrayList<>();
    try (HealthServer server = start(registry, threads, () -> true, () -> true)) {
      int port = server.metricsPort();
      long heldSince = System.nanoTime();
      for (int i = 0; i < threads; i++) {
        Socket trickling = connect(port);
        send(trickling, "GET /metrics HTTP/1.1\r\nHost: operator\r\n");
        slow.add(trickling);
      }
      for (int i = 0; i < 30; i++) {
        slow.add(connect(port)); // silent
        Socket notReading = connect(port);
        send(notReading, "GET /metrics HTTP/1.1\r\nHost: operator\r\n\r\n");
        slow.add(notReading);
      }

      List<Long> latenciesMillis = new ArrayList<>();
      while (Duration.ofNanos(System.nanoTime() - heldSince).compareTo(TIMEOUT.dividedBy(3)) < 0) {
        for (String path : List.of("/healthz", "/readyz")) {
          long t0 = System.nanoTime();
          assertThat(get(server.probePort(), path).statusCode()).isEqualTo(200);
          latenciesMillis.add(Duration.ofNanos(System.nanoTime() - t0).toMillis());
        }
      }
      long t0 = System.nanoTime();
      HttpResponse<String> refused = get(port, "/metrics");
      long refusedMillis = Duration.ofNanos(System.nanoTime() - t0).toMillis();
      assertThat(Duration.ofNanos(System.nanoTime() - heldSince))
          .as("still within the deadline of the trickling clients")
          .isLessThan(TIMEOUT);
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refusedMillis).isLessThan(1000);

      List<Long> sorted = latenciesMillis.stream().sorted().toList();
      long max = sorted.get(sorted.size() - 1);
      System.out.printf(
          "probes while %d slow clients held /metrics: %d probes, p50 %d ms, max %d ms;"
              + " a scrape while saturated was refused in %d ms%n",
          slow.size(), sorted.size(), sorted.get(sorted.size() / 2), max, refusedMillis);
      assertThat(sorted).hasSizeGreaterThan(10);
      assertThat(max).as("slowest probe, ms").isLessThan(500);

      // Past the deadline the server has cut every slow connection...
      for (Socket s : slow) {
        s.setSoTimeout((int) TIMEOUT.multipliedBy(2).toMillis());
        assertThat(drainUntilClosed(s)).as("the server closed a slow connection").isTrue();
      }
      Duration allClosed = Duration.ofNanos(System.nanoTime() - heldSince);
      System.out.printf(
          "every slow connection closed %d ms after the first%n", allClosed.toMillis());
      assertThat(allClosed).isLessThan(TIMEOUT.plusSeconds(2));
      // ...and serves scrapes again.
      await()
          .atMost(TIMEOUT)
          .untilAsserted(() -> assertThat(get(port, "/metrics").statusCode()).isEqualTo(200));
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  private static HealthServer start(
      PrometheusMeterRegistry registry,
      int metricsThreads,
      java.util.function.BooleanSupplier alive,
      java.util.function.BooleanSupplier ready)
      throws Exception {
    return HealthServer.start(0, 0, metricsThreads, TIMEOUT, registry, alive, ready);
  }

  private static Socket connect(int port) throws Exception {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    return socket;
  }

  private static void send(Socket socket, String text) throws Exception {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads what the server sent until it closes; false when it is still open at the timeout. */
  private static boolean drainUntilClosed(Socket socket) throws Exception {
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[64 * 1024];
    try {
      while (in.read(buffer) >= 0) {
        // discard
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (java.net.SocketException e) {
      return true; // reset by the server
    }
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(url(port, path)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI url(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
