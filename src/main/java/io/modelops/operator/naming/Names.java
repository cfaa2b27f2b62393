package io.modelops.operator.naming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules every name of an object the operator creates follows, so that two different inputs
 * never want the same name:
 *
 * <ul>
 *   <li>Each name derives from the one custom resource whose name is unique for that object (a
 *       version's Deployment from the version, a model's Service from the model, a run's Job from
 *       the run), never from a concatenation of two names, which is ambiguous ({@code a} + {@code
 *       b-c} and {@code a-b} + {@code c}).
 *   <li>Where two kinds create objects of the same API type, each kind adds its own suffix (a
 *       model's NetworkPolicy ends in {@code -model}, a job's in {@code -job}); no suffix is the
 *       end of another, so the kinds' names never meet.
 *   <li>Where one kind names an object after its resource alone and another kind adds a suffix (a
 *       run's Job is the run's name, a model test's Job ends in {@code -test}), the first kind does
 *       not keep a name that ends in the other's suffix: it shortens it.
 *   <li>A name is kept as written when it is a DNS-1035 label short enough and does not end like a
 *       shortened name; otherwise it becomes a readable prefix and a hash of the full name: {@code
 *       -} and {@value #HASH_LENGTH} base32 characters of its SHA-256 (65 bits). Kept names never
 *       end like that, so a kept name cannot equal a shortened one.
 * </ul>
 */
public final class Names {
  /** Longest Deployment/Job name that leaves room for pod name suffixes and label values. */
  public static final int WORKLOAD_MAX = 52;

  /** Base32 characters of the hash a shortened name ends with (5 bits each: 65 bits). */
  public static final int HASH_LENGTH = 13;

  private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
  private static final Pattern DNS_1035 = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");
  private static final Pattern SHORTENED = Pattern.compile(".*-[a-z2-7]{" + HASH_LENGTH + "}");

  private Names() {}

  /** A DNS-1035 label for {@code name}: itself when it can be kept, else a shortened variant. */
  public static String dnsLabel(String name, int max) {
    return dnsLabel(name, max, List.of());
  }

  /**
   * A DNS-1035 label for {@code name} in a name space that another kind shares by suffix: kept only
   * when it also does not end in one of {@code othersSuffixes} (a shortened name never does, as it
   * ends in a hash), so it can never be a name the other kind gives.
   */
  public static String dnsLabel(String name, int max, List<String> othersSuffixes) {
    if (name.length() <= max
        && DNS_1035.matcher(name).matches()
        && !looksShortened(name)
        && othersSuffixes.stream().noneMatch(name::endsWith)) {
      return name;
    }
    String cleaned = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    if (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0))) {
      cleaned = "x-" + cleaned;
    }
    return shortened(cleaned, name, max);
  }

  /**
   * {@code name} with a kind's {@code suffix} (such as {@code -model}), at most {@code max}
   * characters: the name part is kept or shortened by {@link #dnsLabel}, the suffix always stays.
   */
  public static String withSuffix(String name, String suffix, int max) {
    return dnsLabel(name, max - suffix.length()) + suffix;
  }

  /** A label value (≤ 63 characters, alphanumeric at both ends), kept or shortened alike. */
  public static String labelValue(String value) {
    if (value.length() <= 63 && LABEL_VALUE.matcher(value).matches() && !looksShortened(value)) {
      return value;
    }
    String cleaned = value.replaceAll("[^-A-Za-z0-9_.]", "-").replaceAll("^[^A-Za-z0-9]+", "");
    return shortened(cleaned.isEmpty() ? "x" : cleaned, value, 63);
  }

  /** Whether {@code name} ends like a shortened name: {@code -} and a hash. */
  static boolean looksShortened(String name) {
    return SHORTENED.matcher(name).matches();
  }

  private static String shortened(String cleaned, String original, int max) {
    String hash = hash(original);
    int keep = Math.min(cleaned.length(), max - hash.length() - 1);
    String prefix = cleaned.substring(0, keep).replaceAll("[^A-Za-z0-9]+$", "");
    return prefix.isEmpty() ? "x-" + hash : prefix + "-" + hash;
  }

  /** {@value #HASH_LENGTH} base32 characters of the SHA-256 of {@code text}. */
  static String hash(String text) {
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder out = new StringBuilder(HASH_LENGTH);
    int buffer = 0;
    int bits = 0;
    int index = 0;
    while (out.length() < HASH_LENGTH) {
      if (bits < 5) {
        buffer = (buffer << 8) | (digest[index++] & 0xff);
        bits += 8;
      }
      out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
      bits -= 5;
    }
    return out.toString();
  }
}
