package dev.tradeflow.compliance.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.compliance.sanctions.internals.NameNormalizer;
import org.junit.jupiter.api.Test;

class NameNormalizerTest {

  @Test
  void case_diacritics_and_punctuation_are_folded() {
    assertThat(NameNormalizer.tokens("Joaquín Guzmán-Loera"))
        .containsExactly("JOAQUIN", "GUZMAN", "LOERA");
    assertThat(NameNormalizer.tokens("Straße Øresund Łódź"))
        .containsExactly("STRASSE", "ORESUND", "LODZ");
    assertThat(NameNormalizer.tokens("O'Brien & Sons")).containsExactly("OBRIEN", "SONS");
  }

  @Test
  void legal_forms_and_the_are_dropped_unless_nothing_else_is_left() {
    assertThat(NameNormalizer.tokens("ANGLO-CARIBBEAN CO., LTD."))
        .containsExactly("ANGLO", "CARIBBEAN");
    assertThat(NameNormalizer.tokens("Rosneft Trading S.A.")).containsExactly("ROSNEFT", "TRADING");
    assertThat(NameNormalizer.tokens("Acme GmbH")).containsExactly("ACME");
    assertThat(NameNormalizer.tokens("The Taliban")).containsExactly("TALIBAN");
    assertThat(NameNormalizer.tokens("LTD")).containsExactly("LTD");
  }

  @Test
  void a_listed_last_comma_first_reads_first_last() {
    assertThat(NameNormalizer.tokens("BIN LADIN, Usama")).containsExactly("USAMA", "BIN", "LADIN");
    assertThat(NameNormalizer.tokens("KIM, Jong Un")).containsExactly("JONG", "UN", "KIM");
  }

  @Test
  void runs_of_single_letters_are_one_word() {
    assertThat(NameNormalizer.tokens("J. P. Morgan")).containsExactly("JP", "MORGAN");
    assertThat(NameNormalizer.tokens("John F Kennedy")).containsExactly("JOHN", "F", "KENNEDY");
  }

  @Test
  void a_name_of_punctuation_only_has_no_words() {
    assertThat(NameNormalizer.tokens("-- / --")).isEmpty();
  }
}
