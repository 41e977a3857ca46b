package dev.tradeflow.domain.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks payment card numbers (PANs) in free text before it is stored (PCI DSS 3.3/3.4): a run of 13
 * to 19 digits, possibly grouped by single spaces or hyphens, that passes the Luhn check keeps its
 * first six and last four digits and has the others replaced by {@code *}, separators kept. Digits
 * that fail the Luhn check (an invoice or account number, most of the time) are left as they are,
 * and so is a run of digits inside a longer one.
 */
public final class CardNumbers {

  /** Digits with optional single separators, not touching other digits on either side. */
  private static final Pattern CANDIDATE =
      Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])");

  private static final int KEEP_FIRST = 6;
  private static final int KEEP_LAST = 4;

  private CardNumbers() {}

  /** {@code text} with every card number masked; the same string when there is none. */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    Matcher matcher = CANDIDATE.matcher(text);
    StringBuilder out = null;
    int copied = 0;
    while (matcher.find()) {
      String candidate = matcher.group();
      String digits = candidate.replaceAll("[ -]", "");
      if (!luhn(digits)) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, matcher.start()).append(masked(candidate, digits.length()));
      copied = matcher.end();
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  private static String masked(String candidate, int digitCount) {
    StringBuilder masked = new StringBuilder(candidate.length());
    int seen = 0;
    for (char c : candidate.toCharArray()) {
      if (Character.isDigit(c)) {
        seen++;
        masked.append(seen <= KEEP_FIRST || seen > digitCount - KEEP_LAST ? c : '*');
      } else {
        masked.append(c);
      }
    }
    return masked.toString();
  }

  /** The Luhn (mod 10) check every card number satisfies. */
  static boolean luhn(String digits) {
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
