package dev.tradeflow.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which days banks are open at a banking place (a code such as {@code GB-LON} or {@code US-NYC}):
 * every day except the weekend and the place's holidays. UCP 600 counts examination periods in
 * banking days (art. 14(b)) and moves an expiry or last day for presentation that falls on a closed
 * day to the next banking day (art. 29(a)).
 */
public final class BankingCalendar {

  private final Set<DayOfWeek> weekend;
  private final Map<String, Set<LocalDate>> holidaysByPlace;

  private BankingCalendar(Set<DayOfWeek> weekend, Map<String, Set<LocalDate>> holidaysByPlace) {
    this.weekend = Set.copyOf(weekend);
    Map<String, Set<LocalDate>> copy = new HashMap<>();
    holidaysByPlace.forEach((place, days) -> copy.put(place, Set.copyOf(days)));
    this.holidaysByPlace = Map.copyOf(copy);
  }

  /** Saturday and Sunday closed everywhere, with the given holidays per banking place. */
  public static BankingCalendar of(Map<String, Set<LocalDate>> holidaysByPlace) {
    return new BankingCalendar(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), holidaysByPlace);
  }

  public static BankingCalendar weekendsOnly() {
    return of(Map.of());
  }

  public boolean isBankingDay(String place, LocalDate day) {
    return !weekend.contains(day.getDayOfWeek())
        && !holidaysByPlace.getOrDefault(place, Set.of()).contains(day);
  }

  /** The day itself if banks are open, else the first following banking day (art. 29(a)). */
  public LocalDate onOrNextBankingDay(String place, LocalDate day) {
    LocalDate candidate = day;
    while (!isBankingDay(place, candidate)) {
      candidate = candidate.plusDays(1);
    }
    return candidate;
  }

  /** The {@code n}-th banking day following {@code day} (art. 14(b): "following the day of"). */
  public LocalDate bankingDaysAfter(String place, LocalDate day, int n) {
    LocalDate candidate = day;
    for (int counted = 0; counted < n; ) {
      candidate = candidate.plusDays(1);
      if (isBankingDay(place, candidate)) {
        counted++;
      }
    }
    return candidate;
  }
}
