package io.modelops.operator.status;

/**
 * Something a user must fix, as shown in a condition and a Warning event: a CamelCase reason (e.g.
 * {@code VersionNotFound}, {@code LimitExceeded}) and a one-line message naming the field.
 */
public record Problem(String reason, String message) {
  public static Problem of(String reason, String message) {
    return new Problem(reason, message);
  }
}
