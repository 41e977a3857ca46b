package dev.tradeflow.compliance.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComplianceRulesTest {

  @TempDir Path dir;

  private static String bundled() throws IOException {
    try (InputStream in = ComplianceRules.class.getResourceAsStream("default-rules.properties")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Path file(String text) throws IOException {
    return Files.writeString(dir.resolve("rules.properties"), text);
  }

  @Test
  void the_defaults_are_the_bundled_file() {
    ComplianceRules rules = ComplianceRules.defaults();
    assertThat(rules.sanctionedJurisdictions()).containsExactlyInAnyOrder("CU", "IR", "KP");
    assertThat(rules.highRiskJurisdictions()).contains("SY", "MM", "YE").hasSize(22);
    assertThat(rules.dualUseKeywords()).contains("maraging steel", "zirconium tubes");
    assertThat(rules.priceBands())
        .anySatisfy(
            band -> {
              assertThat(band.hsPrefix()).isEqualTo("0901");
              assertThat(band.low()).isEqualByComparingTo("1.50");
              assertThat(band.high()).isEqualByComparingTo(new BigDecimal("15"));
            })
        .hasSize(6);
    assertThat(rules.amendmentsBeforeReview()).isEqualTo(3);
  }

  @Test
  void a_banks_copy_replaces_the_lists() throws IOException {
    Path edited =
        file(
            bundled()
                .replace(
                    "sanctioned-jurisdictions = CU, IR, KP",
                    "sanctioned-jurisdictions = CU, IR, KP, RU")
                .replace("amendments-before-review = 3", "amendments-before-review = 2"));
    ComplianceRules rules = ComplianceRules.load(edited);
    assertThat(rules.sanctionedJurisdictions()).contains("RU");
    assertThat(rules.amendmentsBeforeReview()).isEqualTo(2);
  }

  @Test
  void a_mistake_names_the_file_and_the_key() throws IOException {
    Path badCountry =
        file(
            bundled().replace("high-risk-jurisdictions = SY,", "high-risk-jurisdictions = Syria,"));
    assertThatThrownBy(() -> ComplianceRules.load(badCountry))
        .isInstanceOf(ComplianceRulesException.class)
        .hasMessageContaining(badCountry.toString())
        .hasMessageContaining("high-risk-jurisdictions: \"Syria\" is not one of two-letter ISO");

    Path typo = file(bundled().replace("dual-use-keywords", "dual-use-keyword"));
    assertThatThrownBy(() -> ComplianceRules.load(typo))
        .hasMessageContaining("dual-use-keyword: unknown key");

    Path emptied =
        file(
            bundled()
                .replace("sanctioned-jurisdictions = CU, IR, KP", "sanctioned-jurisdictions ="));
    assertThatThrownBy(() -> ComplianceRules.load(emptied))
        .hasMessageContaining("sanctioned-jurisdictions: empty");

    Path missing = file(bundled().replace("amendments-before-review = 3", ""));
    assertThatThrownBy(() -> ComplianceRules.load(missing))
        .hasMessageContaining("amendments-before-review: missing");

    Path badBand =
        file(bundled().replace("coffee; KG; USD; 1.50; 15", "coffee; KG; USD; 15; 1.50"));
    assertThatThrownBy(() -> ComplianceRules.load(badBand))
        .hasMessageContaining("price-band.0901: a price band satisfies 0 < low <= high");

    Path badCurrency = file(bundled().replace("rice; KG; USD", "rice; KG; DOLLARS"));
    assertThatThrownBy(() -> ComplianceRules.load(badCurrency))
        .hasMessageContaining("price-band.1006:");

    assertThatThrownBy(() -> ComplianceRules.load(dir.resolve("absent.properties")))
        .isInstanceOf(ComplianceRulesException.class)
        .hasMessageContaining("absent.properties: cannot be read");
  }
}
