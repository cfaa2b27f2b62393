package io.modelops.operator.modeltest.tester;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptTest {

  @Test
  void shortTextIsKeptOnOneLine() {
    assertThat(Excerpt.of("Traceback:\n  line 3\n", 80)).isEqualTo("Traceback: line 3");
  }

  @Test
  void longTextIsCutToTheLimitInCodePoints() {
    String cut = Excerpt.of("😀".repeat(500), 10);
    assertThat(cut).isEqualTo("😀".repeat(9) + "…");
    assertThat(cut.codePointCount(0, cut.length())).isEqualTo(10);
  }

  @Test
  void hugeTextIsCutBeforeItIsReadWhole() {
    assertThat(Excerpt.of("x" + " ".repeat(10_000) + "y", 20)).isEqualTo("x…");
    assertThat(Excerpt.of("ab".repeat(1_000_000), 5)).isEqualTo("abab…");
  }
}
