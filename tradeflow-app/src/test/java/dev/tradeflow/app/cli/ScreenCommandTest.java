package dev.tradeflow.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScreenCommandTest {

  @Test
  void a_listed_name_in_another_spelling_prints_the_entry_the_alias_and_block() {
    Cli.Result result = Cli.run("screen", "Osama bin Laden", "--type", "individual");
    assertThat(result.exitCode()).isZero();
    assertThat(result.output())
        .contains("against the bundled OFAC snapshot")
        .contains("8,976 entries, 11,910 aliases")
        .contains("SDN-6365 BIN LADIN, Usama bin Muhammad bin Awad [SDGT] individual")
        .contains("matched aka \"BIN LADEN, Osama\"")
        .endsWith("Result: BLOCK\n");
  }

  @Test
  void an_ordinary_name_is_clear_and_an_identifier_matches_exactly() {
    assertThat(Cli.run("screen", "Bluewater Textiles Ltd", "--country", "GB").output())
        .endsWith("Result: CLEAR\n");
    assertThat(Cli.run("screen", "Anything", "--bic", "HAVIGB2LXXX").output())
        .contains("SDN-906 HAVIN BANK LIMITED")
        .contains("matched identifier BIC HAVIGB2L")
        .endsWith("Result: BLOCK\n");
  }

  @Test
  void a_bad_type_is_refused_with_the_choices() {
    Cli.Result result = Cli.run("screen", "X", "--type", "company");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("individual, entity, vessel or aircraft: company");
  }
}
