package io.modelops.operator.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/** JSON tree comparison that treats 1, 1L and 1.0 as the same number (YAML vs. Java vs. server). */
final class JsonTrees {
  private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
      };

  private JsonTrees() {}

  static boolean same(JsonNode a, JsonNode b) {
    return a.equals(NUMBERS_BY_VALUE, b);
  }
}
