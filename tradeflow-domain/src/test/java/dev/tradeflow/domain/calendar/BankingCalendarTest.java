package dev.tradeflow.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BankingCalendarTest {

  private static final String LONDON = "GB-LON";
  private static final String NEW_YORK = "US-NYC";

  private final BankingCalendar calendar =
      BankingCalendar.of(
          Map.of(
              LONDON,
              Set.of(date("2026-12-25"), date("2026-12-28"), date("2027-01-01")),
              NEW_YORK,
              Set.of(date("2026-11-26"))));

  @ParameterizedTest(name = "{0} in {1}: {2}")
  @CsvSource({
    "2026-03-13, GB-LON, true", // Friday
    "2026-03-14, GB-LON, false", // Saturday
    "2026-03-15, GB-LON, false", // Sunday
    "2026-12-25, GB-LON, false", // Christmas Day in London
    "2026-12-25, US-NYC, true", // not a New York holiday in this calendar
    "2026-11-26, US-NYC, false", // Thanksgiving in New York
    "2026-11-26, GB-LON, true",
    "2026-12-25, FR-PAR, true", // a place without holidays has weekends only
  })
  void banks_are_closed_at_weekends_and_on_the_places_holidays(
      String day, String place, boolean open) {
    assertThat(calendar.isBankingDay(place, date(day))).isEqualTo(open);
  }

  @ParameterizedTest(name = "{0} in {1} -> {2}")
  @CsvSource({
    "2026-03-13, GB-LON, 2026-03-13", // a banking day stays
    "2026-03-14, GB-LON, 2026-03-16", // Saturday -> Monday
    "2026-03-15, GB-LON, 2026-03-16", // Sunday -> Monday
    "2026-12-25, GB-LON, 2026-12-29", // Christmas, weekend, Boxing Day substitute
    "2027-01-01, GB-LON, 2027-01-04", // New Year's Day, then the weekend
    "2026-12-25, US-NYC, 2026-12-25",
  })
  void art29a_a_closed_day_moves_to_the_next_banking_day(
      String day, String place, String expected) {
    assertThat(calendar.onOrNextBankingDay(place, date(day))).isEqualTo(date(expected));
  }

  @ParameterizedTest(name = "{1} banking days after {0} in {2} -> {3}")
  @CsvSource({
    "2026-03-10, 5, GB-LON, 2026-03-17", // Tuesday: the weekend is skipped
    "2026-03-13, 5, GB-LON, 2026-03-20", // Friday
    "2026-03-14, 5, GB-LON, 2026-03-20", // Saturday: Monday is the first day following
    "2026-03-10, 1, GB-LON, 2026-03-11",
    "2026-03-13, 1, GB-LON, 2026-03-16",
    "2026-12-22, 5, GB-LON, 2026-12-31", // 23, 24, (25-28 closed), 29, 30, 31
    "2026-12-24, 5, GB-LON, 2027-01-05", // 29, 30, 31, (Jan 1-3 closed), 4, 5
    "2026-12-24, 5, US-NYC, 2026-12-31", // no London holidays in New York
    "2026-03-10, 0, GB-LON, 2026-03-10",
  })
  void art14b_banking_days_following_a_day_skip_closed_days(
      String day, int n, String place, String expected) {
    assertThat(calendar.bankingDaysAfter(place, date(day), n)).isEqualTo(date(expected));
  }

  @Test
  void weekends_only_knows_no_holidays() {
    BankingCalendar weekends = BankingCalendar.weekendsOnly();

    assertThat(weekends.isBankingDay(LONDON, date("2026-12-25"))).isTrue();
    assertThat(weekends.isBankingDay(LONDON, date("2026-12-26"))).isFalse();
  }

  @Test
  void the_calendar_keeps_its_own_copy_of_the_holidays() {
    Set<LocalDate> holidays = new HashSet<>(Set.of(date("2026-12-25")));
    Map<String, Set<LocalDate>> byPlace = new HashMap<>(Map.of(LONDON, holidays));
    BankingCalendar copy = BankingCalendar.of(byPlace);

    holidays.add(date("2026-12-24"));
    byPlace.put(NEW_YORK, Set.of(date("2026-12-24")));

    assertThat(copy.isBankingDay(LONDON, date("2026-12-24"))).isTrue();
    assertThat(copy.isBankingDay(NEW_YORK, date("2026-12-24"))).isTrue();
  }

  private static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }
}
