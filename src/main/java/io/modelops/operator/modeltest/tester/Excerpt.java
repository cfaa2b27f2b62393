package io.modelops.operator.modeltest.tester;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Short excerpts of what a server answered or a dataset held, for one-line messages. */
public final class Excerpt {
  /** The longest excerpt of a server's answer quoted in a message, in characters. */
  public static final int ANSWER_CHARS = 200;

  /** The longest excerpt of a single value quoted in a message, in characters. */
  public static final int VALUE_CHARS = 80;

  private static final ObjectMapper JSON = new ObjectMapper();

  private Excerpt() {}

  /** {@code text} cut to at most {@code max} characters (code points), marked with "…". */
  public static String of(String text, int max) {
    // A large answer is cut before its whitespace is collapsed: only its start is quoted.
    boolean cut = text.length() > 8L * max + 16;
    String oneLine = (cut ? text.substring(0, 8 * max + 16) : text).replaceAll("\\s+", " ").strip();
    int length = oneLine.codePointCount(0, oneLine.length());
    if (!cut && length <= max) {
      return oneLine;
    }
    if (max <= 1) {
      return max == 1 ? "…" : "";
    }
    return oneLine.substring(0, oneLine.offsetByCodePoints(0, Math.min(length, max - 1))) + "…";
  }

  /** A value (a JSON tree, a number, a string, null) as compact JSON, cut to {@code max}. */
  public static String json(Object value, int max) {
    try {
      return of(JSON.writeValueAsString(value), max);
    } catch (JsonProcessingException e) {
      return of(String.valueOf(value), max);
    }
  }
}
