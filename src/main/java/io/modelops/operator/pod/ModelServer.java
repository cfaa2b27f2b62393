package io.modelops.operator.pod;

import java.util.Objects;

/**
 * What a serving pod adds to a job pod: the model server's port and URL prefix, exported as {@code
 * PORT} and {@code URL_PREFIX}, a named container port and a readiness probe on {@code GET
 * $URL_PREFIX/} (the model server contract of docs/behaviour.md).
 *
 * @param port the port the model server listens on (default {@value #DEFAULT_PORT})
 * @param urlPrefix the path prefix of every route; normalized to "" or "/a/b" (leading slash, no
 *     trailing slash) so that "$URL_PREFIX/predict_no_state/" is always well formed
 */
public record ModelServer(int port, String urlPrefix) {
  public static final int DEFAULT_PORT = 8080;

  public ModelServer {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("serving port " + port + " is not in 1..65535");
    }
    Objects.requireNonNull(urlPrefix, "urlPrefix");
    String prefix = urlPrefix.strip();
    while (prefix.endsWith("/")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    if (!prefix.isEmpty() && !prefix.startsWith("/")) {
      prefix = "/" + prefix;
    }
    if (prefix.chars().anyMatch(c -> c == '?' || c == '#' || Character.isWhitespace(c))) {
      throw new IllegalArgumentException("urlPrefix '" + urlPrefix + "' is not a URL path");
    }
    urlPrefix = prefix;
  }

  /** The path the readiness probe asks: {@code $URL_PREFIX/}. */
  public String readinessPath() {
    return urlPrefix + "/";
  }
}
