package dev.tradeflow.domain.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

class CardNumbersTest {

  @Test
  void a_card_number_keeps_its_first_six_and_last_four_digits() {
    assertThat(CardNumbers.mask("pay to card 4111111111111111 please"))
        .isEqualTo("pay to card 411111******1111 please");
    assertThat(CardNumbers.mask("Visa 4111 1111 1111 1111, Amex 3782-822463-10005"))
        .isEqualTo("Visa 4111 11** **** 1111, Amex 3782-82****-*0005");
    // 13 and 19 digits, the shortest and longest PANs.
    assertThat(CardNumbers.mask("4222222222222")).isEqualTo("422222***2222");
    assertThat(CardNumbers.mask("6011000990139424009")).isEqualTo("601100*********4009");
  }

  @Test
  void a_card_number_is_found_among_the_digit_groups_around_it() {
    assertThat(CardNumbers.mask("card 4111 1111 1111 1111 12 27"))
        .isEqualTo("card 4111 11** **** 1111 12 27");
    assertThat(CardNumbers.mask("invoice 12 4111111111111111"))
        .isEqualTo("invoice 12 411111******1111");
    // A group that, with the card's first groups, passes the check too: both middles hidden.
    assertThat(CardNumbers.mask("ref 6 4111 1111 1111 1111")).doesNotContain("1111 1111 1111");
  }

  @Test
  void digits_that_are_not_a_card_number_are_left_alone() {
    // Fails the Luhn check: an invoice number, say.
    assertThat(CardNumbers.mask("invoice 4111111111111112")).isEqualTo("invoice 4111111111111112");
    // Too short, or part of a longer run of digits.
    assertThat(CardNumbers.mask("ref 411111111111")).isEqualTo("ref 411111111111");
    assertThat(CardNumbers.mask("41111111111111110000000")).isEqualTo("41111111111111110000000");
    assertThat(CardNumbers.mask("HS 5208, 20,000 KG, USD 100000.00"))
        .isEqualTo("HS 5208, 20,000 KG, USD 100000.00");
    assertThat(CardNumbers.mask(null)).isNull();
  }

  @Test
  void the_luhn_check_accepts_a_number_with_its_check_digit_and_refuses_any_other() {
    qt().forAll(longs().between(100_000_000_000L, 999_999_999_999_999L))
        .checkAssert(
            body -> {
              String digits = Long.toString(body);
              int valid = -1;
              for (int check = 0; check <= 9; check++) {
                if (CardNumbers.luhn(digits + check)) {
                  assertThat(valid).as("one check digit only").isEqualTo(-1);
                  valid = check;
                }
              }
              assertThat(valid).isNotEqualTo(-1);
            });
  }

  @Test
  void a_card_number_written_into_any_text_is_masked_and_masking_is_idempotent() {
    qt().forAll(
            strings().basicLatinAlphabet().ofLengthBetween(0, 20),
            integers().between(0, 99),
            longs().between(100_000_000_000_000L, 999_999_999_999_999L),
            booleans().all())
        .checkAssert(
            (before, leadingGroup, body, grouped) -> {
              String digits = withCheckDigit(Long.toString(body));
              String pan = grouped ? digits.replaceAll("(\\d{4})(?=\\d)", "$1 ") : digits;
              // A short digit group just before it, such as a reference: the worst neighbour.
              String head = before + " " + leadingGroup + " ";
              String text = head + pan + " end";
              String masked = CardNumbers.mask(text);
              String where = masked.substring(head.length(), head.length() + pan.length());
              assertThat(where.chars().filter(c -> c == '*').count())
                  .as("hidden digits of %s in %s", pan, masked)
                  .isGreaterThanOrEqualTo(digits.length() - 10L);
              assertThat(CardNumbers.mask(masked)).isEqualTo(masked);
            });
  }

  private static String withCheckDigit(String body) {
    for (int check = 0; check <= 9; check++) {
      if (CardNumbers.luhn(body + check)) {
        return body + check;
      }
    }
    throw new AssertionError("no check digit for " + body);
  }
}
