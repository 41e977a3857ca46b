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
      // Every span of groups that is a card number has its middle hidden, so that digit groups
      // next to a card cannot make part of it pass for another span.
      for (int first = 0; first < groups.size(); first++) {
        StringBuilder digits = new StringBuilder(MAX_DIGITS);
        for (int last = first; last < groups.size(); last++) {
          digits.append(text, groups.get(last)[0], groups.get(last)[1]);
          if (digits.length() > MAX_DIGITS) {
            break;
          }
          if (digits.length() >= MIN_DIGITS && luhn(digits)) {
            if (out == null) {
              out = text.toCharArray();
            }
            hideMiddle(out, groups.get(first)[0], groups.get(last)[1], digits.length());
          }
        }
      }
    }
    return out == null ? text : new String(out);
  }

  /** Hides the digits of {@code [start, end)} but the first six and the last four. */
  private static void hideMiddle(char[] text, int start, int end, int digitCount) {
    int seen = 0;
    for (int i = start; i < end; i++) {
      if (Character.isDigit(text[i]) || text[i] == '*') {
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
