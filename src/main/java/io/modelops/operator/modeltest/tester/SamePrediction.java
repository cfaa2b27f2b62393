package io.modelops.operator.modeltest.tester;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;

/**
 * Whether two predictions for the same row are the same: numbers within {@link #TOLERANCE}
 * (relative to their size when above 1), objects key by key, arrays element by element, anything
 * else exactly.
 */
final class SamePrediction {
  static final double TOLERANCE = 1e-6;

  private SamePrediction() {}

  static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      double x = a.asDouble();
      double y = b.asDouble();
      return Math.abs(x - y) <= TOLERANCE * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!b.has(key) || !same(a.get(key), b.get(key))) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
