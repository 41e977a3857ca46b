package dev.tradeflow.domain.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks payment card numbers (PANs) in free text before it is stored (PCI DSS 3.3/3.4): 13 to 19
 * digits, possibly grouped by single spaces or hyphens, that pass the Luhn check keep their first
 * six and last four digits and have the others replaced by {@code *}, separators kept. Within a run
 * of digit groups ({@code 12 4111 1111 1111 1111 27}) the card number is found among the groups,
 * not only as the whole run. Digits that fail the Luhn check (an invoice or account number, most of
 * the time) are left as they are, and so is a run of more than 19 digits without separators.
 */
public final class CardNumbers {

  /** Groups of digits joined by single spaces or hyphens, not touching other digits. */
  private static final Pattern RUN = Pattern.compile("[0-9]+(?:[ -][0-9]+)*");

  private static final Pattern GROUP = Pattern.compile("[0-9]+");

  private static final int MIN_DIGITS = 13;
  private static final int MAX_DIGITS = 19;
  private static final int KEEP_FIRST = 6;
  private static final int KEEP_LAST = 4;

  private CardNumbers() {}

  /** {@code text} with every card number masked; the same string when there is none. */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    char[] out = null;
    Matcher run = RUN.matcher(text);
    while (run.find()) {
      List<int[]> groups = new ArrayList<>();
      Matcher group = GROUP.matcher(text).region(run.start(), run.end());
      while (group.find()) {
        groups.add(new int[] {group.start(), group.end()});
      }
      int first = 0;
      while (first < groups.size()) {
        int last = longestCardFrom(text, groups, first);
        if (last < 0) {
          first++;
          continue;
        }
        if (out == null) {
          out = text.toCharArray();
        }
        maskSpan(out, groups.get(first)[0], groups.get(last)[1]);
        first = last + 1;
      }
    }
    return out == null ? text : new String(out);
  }

  /** The last group of the longest card number starting at group {@code first}, or -1. */
  private static int longestCardFrom(String text, List<int[]> groups, int first) {
    StringBuilder digits = new StringBuilder(MAX_DIGITS);
    int found = -1;
    for (int last = first; last < groups.size(); last++) {
      digits.append(text, groups.get(last)[0], groups.get(last)[1]);
      if (digits.length() > MAX_DIGITS) {
        break;
      }
      if (digits.length() >= MIN_DIGITS && luhn(digits)) {
        found = last;
      }
    }
    return found;
  }

  private static void maskSpan(char[] text, int start, int end) {
    int digitCount = 0;
    for (int i = start; i < end; i++) {
      if (Character.isDigit(text[i])) {
        digitCount++;
      }
    }
    int seen = 0;
    for (int i = start; i < end; i++) {
      if (Character.isDigit(text[i])) {
        seen++;
        if (seen > KEEP_FIRST && seen <= digitCount - KEEP_LAST) {
          text[i] = '*';
        }
      }
    }
  }

  /** The Luhn (mod 10) check every card number satisfies. */
  static boolean luhn(CharSequence digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }
}
