package dev.tradeflow.domain.lc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeflow.domain.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToleranceTest {

  private static final Money AMOUNT = Money.of("100000.00", "USD");

  @Test
  void art30a_about_is_ten_percent_either_way() {
    assertThat(Tolerance.ABOUT).isEqualTo(new Tolerance(10, 10));
    assertThat(Tolerance.ABOUT.maximum(AMOUNT)).isEqualTo(Money.of("110000.00", "USD"));
    assertThat(Tolerance.ABOUT.minimumFullDrawing(AMOUNT)).isEqualTo(Money.of("90000.00", "USD"));
  }

  @Test
  void without_a_tolerance_nothing_more_than_the_amount_may_be_drawn() {
    assertThat(Tolerance.NONE.maximum(AMOUNT)).isEqualTo(AMOUNT);
  }

  @Test
  void art30c_without_a_stated_tolerance_a_full_drawing_may_fall_five_percent_short() {
    assertThat(Tolerance.NONE.minimumFullDrawing(AMOUNT)).isEqualTo(Money.of("95000.00", "USD"));
  }

  @ParameterizedTest(name = "+{0}% / -{1}%: at most {2}, a full drawing at least {3}")
  @CsvSource({
    "5,  5, 105000.00, 95000.00",
    "10, 0, 110000.00, 100000.00", // a stated tolerance replaces art. 30(c)'s 5% less
    "0,  3, 100000.00, 97000.00",
    "100, 100, 200000.00, 0.00",
  })
  void a_stated_tolerance_bounds_the_drawings(
      int plus, int minus, String maximum, String minimumFullDrawing) {
    Tolerance tolerance = new Tolerance(plus, minus);

    assertThat(tolerance.maximum(AMOUNT)).isEqualTo(Money.of(maximum, "USD"));
    assertThat(tolerance.minimumFullDrawing(AMOUNT)).isEqualTo(Money.of(minimumFullDrawing, "USD"));
  }

  @Test
  void a_tolerance_is_rounded_down_to_the_currencys_minor_units() {
    Money yen = Money.of("999", "JPY");

    assertThat(Tolerance.ABOUT.maximum(yen)).isEqualTo(Money.of("1098", "JPY"));
    assertThat(Tolerance.NONE.minimumFullDrawing(yen)).isEqualTo(Money.of("949", "JPY"));
  }

  @ParameterizedTest(name = "+{0}% / -{1}%")
  @CsvSource({"-1, 0", "0, -1", "101, 0", "0, 101"})
  void percentages_are_between_0_and_100(int plus, int minus) {
    assertThatThrownBy(() -> new Tolerance(plus, minus))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0-100");
  }
}
