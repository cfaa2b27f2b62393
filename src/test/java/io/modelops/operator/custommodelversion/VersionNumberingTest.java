package io.modelops.operator.custommodelversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelops.operator.custommodelversion.VersionNumbering.Entry;
import io.modelops.operator.custommodelversion.VersionNumbering.Number;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionNumberingTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Entry v(String name, int second, boolean major) {
    return new Entry(name, T0.plusSeconds(second), major, Optional.empty());
  }

  private static Entry numbered(String name, int second, int major, int minor) {
    return new Entry(name, T0.plusSeconds(second), false, Optional.of(new Number(major, minor)));
  }

  @Test
  void firstVersionIsOneZeroEvenWhenNotAMajorUpdate() {
    assertThat(VersionNumbering.assign(List.of(v("a", 0, false))))
        .containsEntry("a", new Number(1, 0));
  }

  @Test
  void majorUpdateBumpsMajorAndResetsMinorInCreationOrder() {
    var numbers =
        VersionNumbering.assign(
            List.of(
                v("d", 3, true),
                v("b", 1, false),
                v("a", 0, true),
                v("c", 2, false),
                v("e", 4, false)));
    assertThat(numbers)
        .containsExactly(
            entry("a", 1, 0),
            entry("b", 1, 1),
            entry("c", 1, 2),
            entry("d", 2, 0),
            entry("e", 2, 1));
  }

  @Test
  void assignedNumbersNeverChangeAndNewOnesFollowTheHighest() {
    // "b" (1.1) was deleted; "c" keeps 1.2 and the new version is 1.3, never a reused 1.1.
    var numbers =
        VersionNumbering.assign(
            List.of(numbered("a", 0, 1, 0), numbered("c", 2, 1, 2), v("new", 5, false)));
    assertThat(numbers)
        .containsEntry("a", new Number(1, 0))
        .containsEntry("c", new Number(1, 2))
        .containsEntry("new", new Number(1, 3));
  }

  @Test
  void sameCreationTimeIsOrderedByName() {
    var numbers = VersionNumbering.assign(List.of(v("y", 0, false), v("x", 0, false)));
    assertThat(numbers).containsExactly(entry("x", 1, 0), entry("y", 1, 1));
  }

  private static java.util.Map.Entry<String, Number> entry(String name, int major, int minor) {
    return java.util.Map.entry(name, new Number(major, minor));
  }
}
