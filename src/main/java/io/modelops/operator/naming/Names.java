package io.modelops.operator.naming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Names of the objects the operator creates. They derive from the user's names and stay valid where
 * Kubernetes is stricter than for custom resources: a Service name is a DNS-1035 label of at most
 * 63 characters, and a Deployment's or Job's pods need room for generated suffixes. A name that has
 * to be shortened or changed ends with a hash of the original, so different inputs never collide.
 */
public final class Names {
  /** Longest Deployment/Job name that leaves room for pod name suffixes and label values. */
  public static final int WORKLOAD_MAX = 52;

  private Names() {}

  /** A DNS-1035 label for {@code name}: itself when already one, else a hashed variant. */
  public static String dnsLabel(String name, int max) {
    if (name.length() <= max && name.matches("[a-z]([-a-z0-9]*[a-z0-9])?")) {
      return name;
    }
    String hash = hash(name);
    String cleaned = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    if (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0))) {
      cleaned = "m-" + cleaned;
    }
    int keep = Math.min(cleaned.length(), max - hash.length() - 1);
    String prefix = cleaned.substring(0, keep).replaceAll("-+$", "");
    return prefix + "-" + hash;
  }

  /** {@code a-b} as a DNS-1035 label of at most {@code max} characters. */
  public static String joined(String a, String b, int max) {
    return dnsLabel(a + "-" + b, max);
  }

  /** A label value (≤ 63 characters, alphanumeric at both ends). */
  public static String labelValue(String value) {
    if (value.length() <= 63) {
      return value;
    }
    return value.substring(0, 54).replaceAll("[^A-Za-z0-9]+$", "") + "-" + hash(value);
  }

  static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
