package dev.tradeflow.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

  @ParameterizedTest(name = "{0} {1} is held as {2}")
  @CsvSource({
    "USD, 100,      100.00",
    "USD, 100.5,    100.50",
    "JPY, 1500000,  1500000",
    "JPY, 1500.000, 1500",
    "BHD, 25000.5,  25000.500",
    "BHD, 0,        0.000",
  })
  void an_amount_is_held_at_its_currencys_minor_units(String currency, String given, String held) {
    Money money = Money.of(given, currency);

    assertThat(money.amount()).isEqualByComparingTo(held);
    assertThat(money.amount().scale()).isEqualTo(new BigDecimal(held).scale());
    assertThat(money.amount().toPlainString()).isEqualTo(held);
  }

  @ParameterizedTest(name = "{0} {1} has too many decimals")
  @CsvSource({"USD, 100.001", "JPY, 1500.5", "BHD, 1.0005", "EUR, 0.001"})
  void more_decimals_than_the_currency_has_are_refused_rather_than_rounded(
      String currency, String amount) {
    assertThatThrownBy(() -> Money.of(amount, currency))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(currency)
        .hasMessageContaining(amount);
  }

  @Test
  void equal_amounts_written_differently_are_equal() {
    assertThat(Money.of("100", "USD")).isEqualTo(Money.of("100.00", "USD"));
    assertThat(Money.of("100", "USD")).hasSameHashCodeAs(Money.of("100.0", "USD"));
    assertThat(Money.of("100.00", "USD")).isNotEqualTo(Money.of("100.00", "EUR"));
  }

  @Test
  void zero_is_held_at_the_minor_units_too() {
    assertThat(Money.zero(Currency.getInstance("BHD"))).isEqualTo(Money.of("0.000", "BHD"));
    assertThat(Money.zero(Currency.getInstance("USD")).isPositive()).isFalse();
  }

  @Test
  void amounts_add_and_subtract() {
    Money a = Money.of("100.10", "USD");
    Money b = Money.of("0.95", "USD");

    assertThat(a.plus(b)).isEqualTo(Money.of("101.05", "USD"));
    assertThat(a.minus(b)).isEqualTo(Money.of("99.15", "USD"));
    assertThat(b.minus(a)).isEqualTo(Money.of("-99.15", "USD"));
  }

  @Test
  void amounts_compare_by_value() {
    Money small = Money.of("99.99", "USD");
    Money large = Money.of("100", "USD");

    assertThat(large.exceeds(small)).isTrue();
    assertThat(small.exceeds(large)).isFalse();
    assertThat(large.exceeds(Money.of("100.00", "USD"))).isFalse();
    assertThat(small).isLessThan(large);
  }

  @Test
  void only_amounts_above_zero_are_positive() {
    assertThat(Money.of("0.01", "USD").isPositive()).isTrue();
    assertThat(Money.of("0", "USD").isPositive()).isFalse();
    assertThat(Money.of("-0.01", "USD").isPositive()).isFalse();
  }

  @Test
  void amounts_in_different_currencies_do_not_mix() {
    Money dollars = Money.of("100.00", "USD");
    Money euros = Money.of("100.00", "EUR");

    assertThat(dollars.sameCurrencyAs(euros)).isFalse();
    assertThat(dollars.sameCurrencyAs(Money.of("1", "USD"))).isTrue();
    assertThatThrownBy(() -> dollars.plus(euros))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("currency mismatch: USD vs EUR");
    assertThatThrownBy(() -> dollars.minus(euros)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> dollars.exceeds(euros)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_percentage_adjustment_rounds_towards_zero_at_the_minor_units() {
    assertThat(Money.of("100000.00", "USD").adjustedByPercent(10))
        .isEqualTo(Money.of("110000.00", "USD"));
    assertThat(Money.of("100000.00", "USD").adjustedByPercent(-5))
        .isEqualTo(Money.of("95000.00", "USD"));
    assertThat(Money.of("0.05", "USD").adjustedByPercent(10)).isEqualTo(Money.of("0.05", "USD"));
    assertThat(Money.of("15", "JPY").adjustedByPercent(10)).isEqualTo(Money.of("16", "JPY"));
    assertThat(Money.of("15", "JPY").adjustedByPercent(-10)).isEqualTo(Money.of("13", "JPY"));
    assertThat(Money.of("1.234", "BHD").adjustedByPercent(5)).isEqualTo(Money.of("1.295", "BHD"));
  }

  @Test
  void money_reads_as_currency_and_plain_amount() {
    assertThat(Money.of("1E+3", "USD")).hasToString("USD 1000.00");
    assertThat(Money.of("25000.5", "BHD")).hasToString("BHD 25000.500");
  }

  @Test
  void an_amount_and_a_currency_are_required() {
    assertThatThrownBy(() -> new Money(null, Currency.getInstance("USD")))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Money(BigDecimal.ONE, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Money.of("1", "XYZ")).isInstanceOf(IllegalArgumentException.class);
  }
}
