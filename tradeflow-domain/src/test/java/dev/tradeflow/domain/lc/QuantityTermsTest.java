package dev.tradeflow.domain.lc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityTermsTest {

  private static QuantityTerms tonnes(String quantity, boolean about) {
    return new QuantityTerms(new BigDecimal(quantity), "MT", about, false);
  }

  private static QuantityTerms cartons(String quantity, boolean about) {
    return new QuantityTerms(new BigDecimal(quantity), "cartons", about, true);
  }

  @Test
  void art30b_a_quantity_in_bulk_has_five_percent_either_way() {
    assertThat(tonnes("1000", false).tolerancePercent()).isEqualTo(5);
  }

  @Test
  void art30a_about_a_quantity_has_ten_percent_either_way() {
    assertThat(tonnes("1000", true).tolerancePercent()).isEqualTo(10);
  }

  @Test
  void art30b_a_quantity_counted_in_units_has_no_tolerance() {
    assertThat(cartons("1000", false).tolerancePercent()).isZero();
  }

  @Test
  void art30a_about_applies_to_units_as_well() {
    assertThat(cartons("1000", true).tolerancePercent()).isEqualTo(10);
    assertThat(cartons("1000", true).allows(new BigDecimal("1100"))).isTrue();
  }

  @ParameterizedTest(name = "{0} MT against 1000 MT")
  @CsvSource({
    "949.99, false",
    "950, true",
    "950.000, true",
    "1000, true",
    "1050, true",
    "1050.01, false",
  })
  void art30b_bulk_shipments_within_five_percent_are_allowed(String shipped, boolean allowed) {
    assertThat(tonnes("1000", false).allows(new BigDecimal(shipped))).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "about 1000 MT, shipped {0}")
  @CsvSource({"899.9, false", "900, true", "1100, true", "1100.1, false"})
  void art30a_about_allows_ten_percent_either_way(String shipped, boolean allowed) {
    assertThat(tonnes("1000", true).allows(new BigDecimal(shipped))).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "1000 cartons, shipped {0}")
  @CsvSource({"999, false", "1000, true", "1000.0, true", "1001, false"})
  void art30b_units_are_shipped_exactly(String shipped, boolean allowed) {
    assertThat(cartons("1000", false).allows(new BigDecimal(shipped))).isEqualTo(allowed);
  }

  @Test
  void the_band_is_exact_for_fractional_quantities() {
    QuantityTerms terms = tonnes("12.5", false);

    assertThat(terms.allows(new BigDecimal("11.875"))).isTrue();
    assertThat(terms.allows(new BigDecimal("11.874"))).isFalse();
    assertThat(terms.allows(new BigDecimal("13.125"))).isTrue();
    assertThat(terms.allows(new BigDecimal("13.126"))).isFalse();
  }

  @Test
  void partial_shipments_are_capped_only_above() {
    QuantityTerms terms = tonnes("1000", false);

    assertThat(terms.isExceededBy(new BigDecimal("400"))).isFalse();
    assertThat(terms.isExceededBy(new BigDecimal("1050"))).isFalse();
    assertThat(terms.isExceededBy(new BigDecimal("1050.001"))).isTrue();
  }

  @Test
  void a_quantity_is_held_without_trailing_zeros_or_an_exponent() {
    assertThat(tonnes("1000.000", false)).isEqualTo(tonnes("1000", false));
    assertThat(tonnes("1E+3", false).quantity().toString()).isEqualTo("1000");
    assertThat(QuantityTerms.normalize(new BigDecimal("12.50"))).isEqualTo(new BigDecimal("12.5"));
    assertThat(QuantityTerms.normalize(null)).isNull();
  }

  @Test
  void a_quantity_is_positive_and_has_a_unit() {
    assertThatThrownBy(() -> tonnes("0", false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tonnes("-5", false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new QuantityTerms(BigDecimal.TEN, " ", false, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new QuantityTerms(null, "MT", false, false))
        .isInstanceOf(NullPointerException.class);
  }
}
