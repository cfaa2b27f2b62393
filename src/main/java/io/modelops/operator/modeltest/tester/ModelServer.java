package io.modelops.operator.modeltest.tester;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The model server under test, spoken to as the pod contract says: {@code GET <serverUrl>/} answers
 * 200 when ready, {@code POST <serverUrl>/predict_no_state/} takes {@code {"X": {column:
 * [values]}}} and answers {@code {"predictions": [...]}}. Exchanges that fail become {@link
 * ServerAnswer}s, never exceptions; the exception goes to the diagnostics stream only.
 *
 * <p>A request whose connection closes before any answer is sent again, at most {@link
 * #MAX_ATTEMPTS} times in all: servers that speak HTTP/1.0 (Python's {@code http.server}, as in the
 * examples) close the connection after each answer without saying so, and the HTTP client may send
 * the next request on that closed connection. Such a request never reached the server, so sending
 * it again is safe even for a server that keeps state; a server that really breaks the connection
 * breaks it again, and the first failure is reported.
 */
public final class ModelServer {
  /** The largest answer read, in bytes; a larger one is a failed answer. */
  public static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

  /** Attempts at a request whose connection closes without an answer. */
  static final int MAX_ATTEMPTS = 3;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String serverUrl;
  private final Duration requestTimeout;
  private final PrintStream diagnostics;
  private final HttpClient http;

  public ModelServer(String serverUrl, Duration requestTimeout, PrintStream diagnostics) {
    this.serverUrl = serverUrl;
    this.requestTimeout = requestTimeout;
    this.diagnostics = diagnostics;
    // HTTP/1.1: model servers are plain HTTP/1.x servers; no h2c upgrade attempts.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(requestTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** {@code GET <serverUrl>/}, waiting at most {@code timeout} (and the request timeout). */
  public ServerAnswer ready(Duration timeout) {
    Duration t = timeout.compareTo(requestTimeout) < 0 ? timeout : requestTimeout;
    if (t.toMillis() < 1) {
      t = Duration.ofMillis(1);
    }
    return send(HttpRequest.newBuilder(URI.create(serverUrl + "/")).timeout(t).GET().build(), t);
  }

  /** {@code POST <serverUrl>/predict_no_state/} with {@code {"X": x}}. */
  public ServerAnswer predict(Map<String, List<Object>> x) {
    String body;
    try {
      body = JSON.writeValueAsString(Map.of("X", x));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("dataset values are always serializable", e);
    }
    return send(
        HttpRequest.newBuilder(URI.create(serverUrl + "/predict_no_state/"))
            .timeout(requestTimeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        requestTimeout);
  }

  private ServerAnswer send(HttpRequest request, Duration timeout) {
    long t0 = System.nanoTime();
    ServerAnswer first = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      ServerAnswer answer = attempt(request, timeout, t0);
      if (!answer.closedWithoutAnswer()) {
        if (first == null || answer.failure() == null) {
          return answer;
        }
        return answer.refused()
            ? ServerAnswer.failed(ServerAnswer.CLOSED_THEN_REFUSED, answer.elapsed())
            : first;
      }
      if (first == null) {
        first = answer;
      }
    }
    return first;
  }

  private ServerAnswer attempt(HttpRequest request, Duration timeout, long t0) {
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        if (bytes.length > MAX_ANSWER_BYTES) {
          return ServerAnswer.failed(
              "answered HTTP "
                  + response.statusCode()
                  + " with more than "
                  + MAX_ANSWER_BYTES / (1024 * 1024)
                  + " MiB, more than the tester reads",
              elapsed);
        }
        return ServerAnswer.answered(
            response.statusCode(), new String(bytes, StandardCharsets.UTF_8), elapsed);
      }
    } catch (HttpConnectTimeoutException e) {
      return failed(request, e, "did not accept the connection within " + seconds(timeout), t0);
    } catch (HttpTimeoutException e) {
      return failed(request, e, "did not answer within " + seconds(timeout), t0);
    } catch (ConnectException e) {
      return failed(request, e, ServerAnswer.REFUSED, t0);
    } catch (IOException e) {
      return failed(request, e, ServerAnswer.CLOSED_WITHOUT_ANSWER, t0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(request, e, "was not asked: the tester was interrupted", t0);
    }
  }

  private ServerAnswer failed(HttpRequest request, Exception e, String what, long t0) {
    StringBuilder chain = new StringBuilder(e.toString());
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      chain.append(" <- ").append(c);
    }
    diagnostics.println(
        "modelops-tester: " + request.method() + " " + request.uri().getPath() + ": " + chain);
    return ServerAnswer.failed(what, Duration.ofNanos(System.nanoTime() - t0));
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
