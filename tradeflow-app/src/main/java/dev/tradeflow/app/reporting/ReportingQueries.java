package dev.tradeflow.app.reporting;

import dev.tradeflow.domain.lc.Discrepancy;
import dev.tradeflow.domain.lc.LcStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** The reports read from the SQL reporting projection. */
public final class ReportingQueries {

  private final DataSource dataSource;

  public ReportingQueries(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** The LC register, by LC id, optionally of one status only. */
  public List<RegisterEntry> register(Optional<LcStatus> status) throws SQLException {
    String sql =
        "SELECT lc_id, status, applicant_name, beneficiary_name, issuing_bank_bic, currency,"
            + " amount, drawn, expiry_date, effective_expiry_date, lc_version FROM rpt_lc_register"
            + (status.isPresent() ? " WHERE status = ?" : "")
            + " ORDER BY lc_id";
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      if (status.isPresent()) {
        select.setString(1, status.get().name());
      }
      List<RegisterEntry> entries = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          entries.add(
              new RegisterEntry(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getString(4),
                  rows.getString(5),
                  rows.getString(6),
                  money(rows.getBigDecimal(7), rows.getString(6)),
                  money(rows.getBigDecimal(8), rows.getString(6)),
                  rows.getObject(9, LocalDate.class),
                  rows.getObject(10, LocalDate.class),
                  rows.getLong(11)));
        }
      }
      return entries;
    }
  }

  /** Exposure on live credits by applicant and currency. */
  public List<Exposure> exposure() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT applicant_name, currency, credits, maximum_drawable, drawn, outstanding"
                    + " FROM rpt_exposure ORDER BY applicant_name, currency");
        ResultSet rows = select.executeQuery()) {
      List<Exposure> exposures = new ArrayList<>();
      while (rows.next()) {
        exposures.add(
            new Exposure(
                rows.getString(1),
                rows.getString(2),
                rows.getLong(3),
                money(rows.getBigDecimal(4), rows.getString(2)),
                money(rows.getBigDecimal(5), rows.getString(2)),
                money(rows.getBigDecimal(6), rows.getString(2))));
      }
      return exposures;
    }
  }

  /** Presentations with their discrepancies, of one credit or of all. */
  public List<PresentationReport> presentations(Optional<String> lcId) throws SQLException {
    Map<String, List<Discrepancy>> discrepancies = discrepancies(lcId);
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT lc_id, presentation_id, status, currency, amount, presented_on,"
                    + " examination_deadline FROM rpt_presentations"
                    + " WHERE (? IS NULL OR lc_id = ?) ORDER BY lc_id, presented_on,"
                    + " presentation_id")) {
      bindOptional(select, lcId);
      List<PresentationReport> reports = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String key = rows.getString(1) + '\u0000' + rows.getString(2);
          reports.add(
              new PresentationReport(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getString(4),
                  money(rows.getBigDecimal(5), rows.getString(4)),
                  rows.getObject(6, LocalDate.class),
                  rows.getObject(7, LocalDate.class),
                  discrepancies.getOrDefault(key, List.of())));
        }
      }
      return reports;
    }
  }

  /**
   * Presentations awaiting examination whose deadline is at most {@code withinDays} after {@code
   * asOf}, missed ones included, earliest deadline first.
   */
  public List<ExaminationDeadline> examinationDeadlines(LocalDate asOf, int withinDays)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT lc_id, presentation_id, presented_on, examination_deadline"
                    + " FROM rpt_presentations WHERE status = 'PRESENTED'"
                    + " AND examination_deadline <= ? ORDER BY examination_deadline, lc_id,"
                    + " presentation_id")) {
      select.setObject(1, asOf.plusDays(withinDays), Types.DATE);
      List<ExaminationDeadline> deadlines = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          LocalDate deadline = rows.getObject(4, LocalDate.class);
          long daysLeft = ChronoUnit.DAYS.between(asOf, deadline);
          deadlines.add(
              new ExaminationDeadline(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getObject(3, LocalDate.class),
                  deadline,
                  daysLeft,
                  daysLeft < 0));
        }
      }
      return deadlines;
    }
  }

  private Map<String, List<Discrepancy>> discrepancies(Optional<String> lcId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT lc_id, presentation_id, code, description FROM rpt_discrepancies"
                    + " WHERE (? IS NULL OR lc_id = ?) ORDER BY lc_id, presentation_id,"
                    + " position")) {
      bindOptional(select, lcId);
      Map<String, List<Discrepancy>> byPresentation = new LinkedHashMap<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          byPresentation
              .computeIfAbsent(
                  rows.getString(1) + '\u0000' + rows.getString(2), k -> new ArrayList<>())
              .add(new Discrepancy(rows.getString(3), rows.getString(4)));
        }
      }
      return byPresentation;
    }
  }

  /** In the currency's minor units, as the events carry it (the column holds more decimals). */
  private static BigDecimal money(BigDecimal amount, String currency) {
    return amount.setScale(
        Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
  }

  private static void bindOptional(PreparedStatement select, Optional<String> lcId)
      throws SQLException {
    select.setString(1, lcId.orElse(null));
    select.setString(2, lcId.orElse(null));
  }
}
