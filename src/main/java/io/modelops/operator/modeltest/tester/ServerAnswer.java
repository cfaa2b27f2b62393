package io.modelops.operator.modeltest.tester;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * What the model server did with one request: its HTTP status and body, or how the exchange failed
 * (refused, timed out, connection closed) when there was no answer.
 *
 * @param status the HTTP status, or 0 when there was no answer
 * @param body the answer's body (bounded by {@link ModelServer#MAX_ANSWER_BYTES}), or ""
 * @param failure what went wrong without an answer, completing "The server ...", or null
 * @param elapsed how long the request took
 */
public record ServerAnswer(int status, String body, String failure, Duration elapsed) {
  static final String CLOSED_WITHOUT_ANSWER =
      "closed the connection without answering (it may have crashed)";
  static final String REFUSED = "refused the connection (is it listening?)";
  static final String CLOSED_THEN_REFUSED =
      "closed the connection without answering, then refused new connections (it may have"
          + " crashed)";

  private static final ObjectMapper JSON = new ObjectMapper();

  static ServerAnswer answered(int status, String body, Duration elapsed) {
    return new ServerAnswer(status, body, null, elapsed);
  }

  static ServerAnswer failed(String failure, Duration elapsed) {
    return new ServerAnswer(0, "", failure, elapsed);
  }

  /** Whether the server answered with a 2xx status. */
  public boolean ok() {
    return failure == null && status >= 200 && status < 300;
  }

  /** Whether the connection closed before any answer came. */
  boolean closedWithoutAnswer() {
    return CLOSED_WITHOUT_ANSWER.equals(failure);
  }

  /** Whether the server refused the connection: nothing listens there (any more). */
  boolean refused() {
    return REFUSED.equals(failure);
  }

  /** The body as JSON, when it is JSON. */
  public Optional<JsonNode> json() {
    try {
      return Optional.ofNullable(JSON.readTree(body)).filter(n -> !n.isMissingNode());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * What the server did, completing "The server ...": "answered HTTP 500: {excerpt}", "refused the
   * connection", ...
   */
  public String describe() {
    if (failure != null) {
      return failure;
    }
    return body.isBlank()
        ? "answered HTTP " + status + " with an empty body"
        : "answered HTTP " + status + ": " + Excerpt.of(body, Excerpt.ANSWER_CHARS);
  }
}
