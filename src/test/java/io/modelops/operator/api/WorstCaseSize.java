package io.modelops.operator.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The largest JSON a structural OpenAPI schema admits, in bytes as the API server stores it, read
 * from the schema alone: a string is {@code maxLength} characters, an array {@code maxItems} items,
 * a map {@code maxProperties} entries, and an object all its declared properties at their largest.
 * Whatever the schema leaves unbounded is reported by path, so a new field without a limit cannot
 * pass unnoticed.
 *
 * <p>A character can take up to {@value #BYTES_PER_CHARACTER} bytes: the API server stores custom
 * resources as JSON, and Go's encoder writes {@code <}, {@code >}, {@code &} and control characters
 * as a six-byte escape. A string whose pattern admits only printable ASCII that JSON leaves as it
 * is counts one byte per character (see {@link #plainAscii}). Numbers count {@value #NUMBER_BYTES}
 * bytes (the API server keeps them as 64-bit values); an enum its longest value.
 */
final class WorstCaseSize {
  static final int BYTES_PER_CHARACTER = 6;
  static final int NUMBER_BYTES = 25;
  static final int DATE_TIME_BYTES = 40;

  /** Paths the schema cannot bound by itself, with the bound that holds and why. */
  record Allowance(long bytes, String why) {}

  private final Map<String, Allowance> allowances;
  private final Map<String, String> closed;
  private final List<String> unbounded = new ArrayList<>();
  private final List<String> allowed = new ArrayList<>();
  private final Map<String, Long> largest = new java.util.TreeMap<>();

  private WorstCaseSize(Map<String, Allowance> allowances, Map<String, String> closed) {
    this.allowances = allowances;
    this.closed = closed;
  }

  /**
   * The worst case of {@code schema} at {@code path}.
   *
   * @param allowances paths (as reported: {@code spec.list[].field}) the walk takes as given
   * @param closed untyped paths whose objects hold only their declared properties, by a rule the
   *     walk cannot read (an {@code anyOf} with {@code required}), and why
   */
  static Result of(
      JsonNode schema, String path, Map<String, Allowance> allowances, Map<String, String> closed) {
    WorstCaseSize walk = new WorstCaseSize(allowances, closed);
    long bytes = walk.size(schema, path);
    return new Result(
        bytes, List.copyOf(walk.unbounded), List.copyOf(walk.allowed), Map.copyOf(walk.largest));
  }

  /**
   * @param bytes the largest stored JSON, counting what is unbounded as nothing
   * @param unbounded the paths of strings, arrays, maps and open objects without a bound
   * @param allowed the allowances the walk used
   * @param largest the fields of at least {@value #LARGE} bytes, with their size: where the bytes
   *     go
   */
  record Result(
      long bytes, List<String> unbounded, List<String> allowed, Map<String, Long> largest) {}

  static final long LARGE = 8 * 1024;

  private long size(JsonNode s, String path) {
    long bytes = sizeOf(s, path);
    if (bytes >= LARGE) {
      largest.put(path, bytes);
    }
    return bytes;
  }

  private long sizeOf(JsonNode s, String path) {
    Allowance allowance = allowances.get(path);
    if (allowance != null) {
      allowed.add(path);
      return allowance.bytes();
    }
    String type = s.path("type").asText(null);
    if (s.path("x-kubernetes-int-or-string").asBoolean()) {
      return Math.max(NUMBER_BYTES, string(s, path));
    }
    if (type == null) {
      return untyped(s, path);
    }
    return switch (type) {
      case "string" -> string(s, path);
      case "integer", "number" -> NUMBER_BYTES;
      case "boolean" -> "false".length();
      case "array" -> array(s, path);
      case "object" -> object(s, path);
      default -> unbounded(path + " (type " + type + ")");
    };
  }

  private long string(JsonNode s, String path) {
    if (s.has("enum")) {
      long longest = 0;
      for (JsonNode e : s.get("enum")) {
        longest = Math.max(longest, e.toString().length());
      }
      return longest;
    }
    if ("date-time".equals(s.path("format").asText())) {
      return DATE_TIME_BYTES;
    }
    if (!s.has("maxLength")) {
      return unbounded(path);
    }
    int perCharacter = plainAscii(s.path("pattern").asText(null)) ? 1 : BYTES_PER_CHARACTER;
    return 2 + s.get("maxLength").asLong() * perCharacter;
  }

  private long array(JsonNode s, String path) {
    long item = size(s.path("items"), path + "[]");
    if (!s.has("maxItems")) {
      return unbounded(path);
    }
    return 2 + s.get("maxItems").asLong() * (item + 1);
  }

  private long object(JsonNode s, String path) {
    long total = 2 + declared(s, path);
    JsonNode values = s.get("additionalProperties");
    if (values != null && values.isObject()) {
      long value = size(values, path + "{}");
      long key = mapKeyBound(s);
      if (!s.has("maxProperties") || key < 0) {
        return unbounded(path + " (map: needs maxProperties and a rule bounding its keys)");
      }
      total += s.get("maxProperties").asLong() * (2 + key * BYTES_PER_CHARACTER + 2 + value);
    } else if (s.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
      return unbounded(path + " (keeps unknown fields)");
    }
    return total;
  }

  /**
   * A field without a type (a value that may be a string, number, boolean or object): it keeps
   * unknown fields, so it is bounded only when it can be no object and no array.
   */
  private long untyped(JsonNode s, String path) {
    long scalar = Math.max(NUMBER_BYTES, string(s, path));
    if (s.path("maxItems").asLong(-1) != 0) {
      return unbounded(path + " (untyped: may be an array)");
    }
    if (s.path("maxProperties").asLong(-1) == 0) {
      return scalar;
    }
    if (closed.containsKey(path)) {
      allowed.add(path);
      return Math.max(scalar, 2 + declared(s, path));
    }
    return unbounded(path + " (untyped: may be an object with any fields)");
  }

  /** Sum of the declared properties at their largest, each with its key. */
  private long declared(JsonNode s, String path) {
    long total = 0;
    Iterator<Map.Entry<String, JsonNode>> properties = s.path("properties").fields();
    while (properties.hasNext()) {
      Map.Entry<String, JsonNode> p = properties.next();
      total += p.getKey().length() + 4 + size(p.getValue(), path + "." + p.getKey());
    }
    return total;
  }

  /** The bound a rule {@code self.all(k, k.size() <= N)} puts on a map's keys, or -1. */
  private static long mapKeyBound(JsonNode s) {
    java.util.regex.Pattern rule =
        java.util.regex.Pattern.compile("self\\.all\\((\\w+), \\1\\.size\\(\\) <= (\\d+)\\)");
    for (JsonNode v : s.path("x-kubernetes-validations")) {
      Matcher m = rule.matcher(v.path("rule").asText());
      if (m.find()) {
        return Long.parseLong(m.group(2));
      }
    }
    return -1;
  }

  private long unbounded(String what) {
    unbounded.add(what);
    return 0;
  }

  /**
   * Whether every string {@code pattern} admits is printable ASCII that JSON writes as is: no
   * negated class, no "any character", no class escapes other than {@code \d}, and classes and
   * literals of letters, digits and {@code -._:/@+*#?,~=} only. Conservative: a pattern this does
   * not understand counts as admitting anything.
   */
  static boolean plainAscii(String pattern) {
    if (pattern == null) {
      return false;
    }
    String safe = "-._:/@+*#?,~= ";
    String syntax = "[](){}|^$";
    boolean inClass = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        char e = i + 1 < pattern.length() ? pattern.charAt(++i) : '\\';
        if (!(e == 'd' || safe.indexOf(e) >= 0 || syntax.indexOf(e) >= 0)) {
          return false;
        }
      } else if (c == '[') {
        if (inClass || i + 1 < pattern.length() && pattern.charAt(i + 1) == '^') {
          return false;
        }
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      } else if (c == '.' && !inClass) {
        return false;
      } else if (!(c < 128 && Character.isLetterOrDigit(c)
          || safe.indexOf(c) >= 0
          || syntax.indexOf(c) >= 0)) {
        return false;
      }
    }
    return !inClass;
  }
}
