package dev.tradeflow.compliance.sanctions.internals;

import java.util.Arrays;

/**
 * Jaro-Winkler similarity (Winkler 1990): 1 for equal strings, 0 for nothing in common; a shared
 * prefix of up to four characters raises the score by 0.1 per character of what remains. Written
 * over char arrays with caller-owned working memory, since screening calls it thousands of times
 * per party.
 */
public final class JaroWinkler {

  private static final double PREFIX_SCALE = 0.1;
  private static final int MAX_PREFIX = 4;

  private JaroWinkler() {}

  public static double similarity(char[] a, char[] b) {
    return similarity(a, b, new boolean[a.length + b.length]);
  }

  /** The same, with caller-owned working memory of at least {@code a.length + b.length} flags. */
  static double similarity(char[] a, char[] b, boolean[] flags) {
    if (a.length == 0 || b.length == 0) {
      return a.length == b.length ? 1.0 : 0.0;
    }
    // Which side is scanned changes the greedy matching; ordering the sides makes a ~ b == b ~ a.
    boolean aFirst = a.length < b.length || (a.length == b.length && Arrays.compare(a, b) <= 0);
    char[] shorter = aFirst ? a : b;
    char[] longer = aFirst ? b : a;
    int window = Math.max(0, longer.length / 2 - 1);
    // flags[0, longer.length): matched in longer; flags[longer.length, +shorter.length): in
    // shorter.
    int offset = longer.length;
    Arrays.fill(flags, 0, longer.length + shorter.length, false);
    int matches = 0;
    for (int i = 0; i < shorter.length; i++) {
      int from = Math.max(0, i - window);
      int to = Math.min(longer.length - 1, i + window);
      for (int j = from; j <= to; j++) {
        if (!flags[j] && shorter[i] == longer[j]) {
          flags[j] = true;
          flags[offset + i] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0.0;
    }
    int outOfOrder = 0;
    int j = 0;
    for (int i = 0; i < shorter.length; i++) {
      if (flags[offset + i]) {
        while (!flags[j]) {
          j++;
        }
        if (shorter[i] != longer[j]) {
          outOfOrder++;
        }
        j++;
      }
    }
    double m = matches;
    double jaro = (m / shorter.length + m / longer.length + (m - outOfOrder / 2.0) / m) / 3.0;
    int prefix = 0;
    int limit = Math.min(MAX_PREFIX, shorter.length);
    while (prefix < limit && a[prefix] == b[prefix]) {
      prefix++;
    }
    return jaro + prefix * PREFIX_SCALE * (1.0 - jaro);
  }

  /**
   * The most {@link #similarity} can be for tokens with {@code common} characters in common
   * (counted with repeats, wherever they stand): all of them matched in order, with the full prefix
   * bonus. Lets a caller skip pairs that cannot reach a floor.
   */
  static double upperBound(int lengthA, int lengthB, int common) {
    if (common == 0) {
      return 0.0;
    }
    double jaro = ((double) common / lengthA + (double) common / lengthB + 1.0) / 3.0;
    return jaro + MAX_PREFIX * PREFIX_SCALE * (1.0 - jaro);
  }

  public static double similarity(String a, String b) {
    return similarity(a.toCharArray(), b.toCharArray());
  }
}
