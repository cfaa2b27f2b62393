package io.modelops.operator.custommodelversion;

import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assigns {@code versionMajor.versionMinor} to a model's versions: in order of creation, a major
 * update bumps the major number and resets the minor, any other version bumps the minor. A number
 * once assigned never changes; new versions are numbered after the highest number already given
 * out, so deleting a version never reuses its number.
 *
 * <p>The assignment is a pure function of all the model's versions, so two versions reconciled at
 * the same time compute the same numbers from the same cache.
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
      return Comparator.comparingInt(Number::major)
          .thenComparingInt(Number::minor)
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
    Number highest =
        ordered.stream()
            .map(Entry::assigned)
            .flatMap(Optional::stream)
            .max(Comparator.naturalOrder())
            .orElse(new Number(0, 0));
    Map<String, Number> result = new LinkedHashMap<>();
    for (Entry entry : ordered) {
      if (entry.assigned().isPresent()) {
        result.put(entry.name(), entry.assigned().get());
        continue;
      }
      Number next =
          entry.majorUpdate() || highest.major() == 0
              ? new Number(highest.major() + 1, 0)
              : new Number(highest.major(), highest.minor() + 1);
      result.put(entry.name(), next);
      highest = next;
    }
    return result;
  }

  /**
   * The number of {@code version}: kept once assigned, else computed over {@code siblings} (the
   * model's versions in the cache, which may not hold {@code version} yet).
   */
  public static Number of(CustomModelVersion version, List<CustomModelVersion> siblings) {
    var status = version.getStatus();
    if (status != null && status.getVersionMajor() != null && status.getVersionMinor() != null) {
      return new Number(status.getVersionMajor(), status.getVersionMinor());
    }
    List<Entry> entries = new ArrayList<>();
    boolean self = false;
    for (CustomModelVersion v : siblings) {
      self |= v.getMetadata().getName().equals(version.getMetadata().getName());
      entries.add(entry(v));
    }
    if (!self) {
      entries.add(entry(version));
    }
    return assign(entries).get(version.getMetadata().getName());
  }

  private static Entry entry(CustomModelVersion v) {
    var s = v.getStatus();
    Optional<Number> assigned =
        s != null && s.getVersionMajor() != null && s.getVersionMinor() != null
            ? Optional.of(new Number(s.getVersionMajor(), s.getVersionMinor()))
            : Optional.empty();
    Instant created =
        v.getMetadata().getCreationTimestamp() == null
            ? Instant.EPOCH
            : Instant.parse(v.getMetadata().getCreationTimestamp());
    boolean major = v.getSpec().getIsMajorUpdate() == null || v.getSpec().getIsMajorUpdate();
    return new Entry(v.getMetadata().getName(), created, major, assigned);
  }
}
