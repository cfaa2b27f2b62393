package io.modelops.operator.custommodelversion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assigns {@code versionMajor.versionMinor} to a model's versions, as the seed does: in order
 * of creation, a major update bumps the major number and resets the minor, any other version
 * bumps the minor. A number once assigned never changes; new versions are numbered after the
 * highest number already given out, so deleting a version never reuses its number.
 *
 * <p>The assignment is a pure function of all the model's versions, so two versions reconciled
 * at the same time compute the same numbers from the same cache.
 */
public final class VersionNumbering {
  private VersionNumbering() {}

  /** What numbering needs to know of one version. */
  public record Entry(
      String name, Instant created, boolean majorUpdate, Optional<Number> assigned) {}

  /** A version number. */
  public record Number(int major, int minor) implements Comparable<Number> {
    @Override
    public int compareTo(Number other) {
      return Comparator.comparingInt(Number::major).thenComparingInt(Number::minor)
          .compare(this, other);
    }

    @Override
    public String toString() {
      return major + "." + minor;
    }
  }

  /** Numbers for every version, keyed by name, in creation order. */
  public static Map<String, Number> assign(List<Entry> versions) {
    List<Entry> ordered = new ArrayList<>(versions);
    ordered.sort(Comparator.comparing(Entry::created).thenComparing(Entry::name));
    Number highest = ordered.stream()
        .map(Entry::assigned).flatMap(Optional::stream)
        .max(Comparator.naturalOrder()).orElse(new Number(0, 0));
    Map<String, Number> result = new LinkedHashMap<>();
    for (Entry entry : ordered) {
      if (entry.assigned().isPresent()) {
        result.put(entry.name(), entry.assigned().get());
        continue;
      }
      Number next = entry.majorUpdate() || highest.major() == 0
          ? new Number(highest.major() + 1, 0)
          : new Number(highest.major(), highest.minor() + 1);
      result.put(entry.name(), next);
      highest = next;
    }
    return result;
  }
}
