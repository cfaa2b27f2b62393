package io.modelops.operator.modeltest.tester;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A test dataset as the tester sends it: column names in file order and one list of cell values per
 * row (a number, a string, or null for an empty cell).
 *
 * @param columns the header's column names
 * @param rows each row's values, in column order
 * @param features the columns sent to the model (all but the target and expected-prediction ones)
 */
public record Dataset(List<String> columns, List<List<Object>> rows, List<String> features) {

  /** A dataset whose features are its columns less {@code nonFeatures}. */
  public static Dataset of(List<String> columns, List<List<Object>> rows, Set<String> nonFeatures) {
    return new Dataset(
        List.copyOf(columns),
        Collections.unmodifiableList(rows),
        columns.stream().filter(c -> !nonFeatures.contains(c)).toList());
  }

  /** The dataset without rows, for Unstructured models tested without one. */
  public static Dataset empty() {
    return new Dataset(List.of(), List.of(), List.of());
  }

  public int size() {
    return rows.size();
  }

  /** The value of {@code column} in row {@code row} (0-based). */
  public Object value(int row, String column) {
    return rows.get(row).get(columns.indexOf(column));
  }

  /** The features of rows {@code [from, to)} column by column, as the server's {@code X}. */
  public Map<String, List<Object>> features(int from, int to) {
    return features(from, to, null);
  }

  /** Like {@link #features(int, int)} with every value of {@code nulled} set to null. */
  public Map<String, List<Object>> features(int from, int to, String nulled) {
    Map<String, List<Object>> x = new LinkedHashMap<>();
    for (String feature : features) {
      int index = columns.indexOf(feature);
      List<Object> values = new ArrayList<>(to - from);
      for (int r = from; r < to; r++) {
        values.add(feature.equals(nulled) ? null : rows.get(r).get(index));
      }
      x.put(feature, values);
    }
    return x;
  }
}
