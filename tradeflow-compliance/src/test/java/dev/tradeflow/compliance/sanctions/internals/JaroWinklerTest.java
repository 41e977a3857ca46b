package dev.tradeflow.compliance.sanctions.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

class JaroWinklerTest {

  /** Values from Winkler (1990), table 3, as reproduced in the literature. */
  @Test
  void published_examples() {
    assertThat(JaroWinkler.similarity("MARTHA", "MARHTA")).isCloseTo(0.961, within(0.001));
    assertThat(JaroWinkler.similarity("DWAYNE", "DUANE")).isCloseTo(0.840, within(0.001));
    assertThat(JaroWinkler.similarity("DIXON", "DICKSONX")).isCloseTo(0.813, within(0.001));
  }

  @Test
  void equal_strings_score_one_and_disjoint_ones_zero() {
    assertThat(JaroWinkler.similarity("LADIN", "LADIN")).isEqualTo(1.0);
    assertThat(JaroWinkler.similarity("ABC", "XYZ")).isEqualTo(0.0);
    assertThat(JaroWinkler.similarity("", "")).isEqualTo(1.0);
    assertThat(JaroWinkler.similarity("A", "")).isEqualTo(0.0);
  }

  @Test
  void similarity_is_symmetric_and_between_zero_and_one() {
    qt().forAll(
            strings().allPossible().ofLengthBetween(0, 12),
            strings().allPossible().ofLengthBetween(0, 12))
        .check(
            (a, b) -> {
              double ab = JaroWinkler.similarity(a, b);
              return ab >= 0 && ab <= 1 && ab == JaroWinkler.similarity(b, a);
            });
  }

  @Test
  void the_letter_count_bound_is_never_below_the_similarity() {
    qt().forAll(
            strings().betweenCodePoints('A', 'F').ofLengthBetween(1, 10),
            strings().betweenCodePoints('A', 'F').ofLengthBetween(1, 10))
        .check(
            (a, b) -> {
              int common = 0;
              for (char c = 'A'; c <= 'F'; c++) {
                common += Math.min(count(a, c), count(b, c));
              }
              return JaroWinkler.upperBound(a.length(), b.length(), common)
                  >= JaroWinkler.similarity(a, b) - 1e-12;
            });
  }

  private static int count(String s, char c) {
    return (int) s.chars().filter(x -> x == c).count();
  }
}
