package io.modelops.operator.pod;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Guards shared by the input records. The caller's validator reports problems to users; these only
 * stop a bug upstream from producing a pod that silently does the wrong thing.
 */
final class InputChecks {
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private InputChecks() {}

  static String requireText(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value;
  }

  static String requireDnsLabel(String value, String what) {
    requireText(value, what);
    if (!DNS_LABEL.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " '" + value + "' is not a DNS label");
    }
    return value;
  }

  /**
   * A path below a mount point: relative, without {@code ..} segments, leading or trailing slashes
   * removed; the empty string means the mount point itself.
   */
  static String relativePath(String value, String what) {
    Objects.requireNonNull(value, what);
    String trimmed = value.strip();
    while (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    for (String segment : trimmed.split("/", -1)) {
      if (segment.equals("..") || (!trimmed.isEmpty() && segment.isEmpty())) {
        throw new IllegalArgumentException(what + " '" + value + "' must be a plain relative path");
      }
    }
    return trimmed;
  }

  /** An absolute path below {@code /}, trailing slashes removed. */
  static String absolutePath(String value, String what) {
    requireText(value, what);
    String path = value.strip();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (!path.startsWith("/") || path.contains("/../") || path.endsWith("/..")) {
      throw new IllegalArgumentException(
          what + " '" + value + "' must be an absolute path below /");
    }
    return path;
  }
}
