package dev.tradeflow.app.api;

import dev.tradeflow.app.reporting.ReportingQueries;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /api/v1/reports/...}: the SQL reporting projection's views. They read the reporting
 * database, which every instance shares, so they are answered locally.
 */
public final class ReportRoutes implements RouteSet {

  static final String BASE = "/api/v1/reports";

  /** How far ahead the deadline report looks when the request does not say. */
  static final int DEFAULT_WITHIN_DAYS = 2;

  private final ReportingQueries reports;
  private final Clock clock;

  public ReportRoutes(ReportingQueries reports, Clock clock) {
    this.reports = Objects.requireNonNull(reports, "reports");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(BASE + "/register", this::register);
    routes.get(BASE + "/exposure", ctx -> ctx.json(reports.exposure()));
    routes.get(BASE + "/presentations", this::presentations);
    routes.get(BASE + "/examination-deadlines", this::examinationDeadlines);
  }

  private void register(Context ctx) throws Exception {
    ctx.json(reports.register(HttpApi.status(ctx.queryParam("status"))));
  }

  private void presentations(Context ctx) throws Exception {
    String lcId = ctx.queryParam("lcId");
    ctx.json(
        reports.presentations(
            lcId == null || lcId.isBlank() ? Optional.empty() : Optional.of(lcId.strip())));
  }

  private void examinationDeadlines(Context ctx) throws Exception {
    LocalDate asOf = asOf(ctx.queryParam("asOf"));
    int withinDays = withinDays(ctx.queryParam("withinDays"));
    ctx.json(reports.examinationDeadlines(asOf, withinDays));
  }

  private LocalDate asOf(String text) {
    if (text == null || text.isBlank()) {
      return LocalDate.now(clock);
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new HttpApi.BadRequest(
          "asOf", "expected a date such as 2026-12-01, got \"" + text + "\"");
    }
  }

  private static int withinDays(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_WITHIN_DAYS;
    }
    try {
      int days = Integer.parseInt(text.strip());
      if (days >= 0 && days <= 366) {
        return days;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new HttpApi.BadRequest(
        "withinDays", "expected a number of days 0-366, got \"" + text + "\"");
  }
}
