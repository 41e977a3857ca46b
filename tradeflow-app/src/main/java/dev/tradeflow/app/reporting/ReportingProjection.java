package dev.tradeflow.app.reporting;

import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.domain.lc.Bank;
import dev.tradeflow.domain.lc.Discrepancy;
import dev.tradeflow.domain.lc.LcEvent;
import dev.tradeflow.domain.lc.LcState;
import dev.tradeflow.domain.lc.LcTerms;
import dev.tradeflow.domain.lc.LetterOfCredit;
import dev.tradeflow.domain.lc.Presentation;
import dev.tradeflow.runtime.jdbc.TransactionalEffect;
import dev.tradeflow.schemas.EventSerde;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Writes the reporting tables from {@code tf.lc.events}: each event is stored, the credit's events
 * are folded with the domain's own {@link LetterOfCredit#evolve}, and the credit's register row,
 * presentations and discrepancies are rewritten from the folded state. Runs inside the transaction
 * that stores the consumer's offset (see {@link dev.tradeflow.runtime.jdbc.JdbcSink}).
 */
public final class ReportingProjection
    implements TransactionalEffect<String, RecordedEvent<LcEvent>> {

  /** The projection's migrations and their history table. */
  public static final String MIGRATIONS = "classpath:db/reporting";

  public static final String MIGRATION_HISTORY = "rpt_schema_history";

  private final EventSerde serde;

  public ReportingProjection(EventSerde serde) {
    this.serde = Objects.requireNonNull(serde, "serde");
  }

  @Override
  public void apply(ConsumerRecord<String, RecordedEvent<LcEvent>> record, Connection tx)
      throws SQLException {
    RecordedEvent<LcEvent> event = record.value();
    String lcId = event.aggregateId();
    List<LcEvent> history = history(tx, record.topic(), lcId);
    long expected = history.size() + 1L;
    if (event.aggregateVersion() < expected) {
      return; // folded already (the same event written twice upstream)
    }
    if (event.aggregateVersion() > expected) {
      // A gap means an earlier event of this credit never arrived: parking this one keeps the
      // credit's later events behind it until the missing one is replayed.
      throw new IllegalStateException(
          "event "
              + event.eventId()
              + " is version "
              + event.aggregateVersion()
              + " of "
              + lcId
              + " but the projection holds "
              + history.size()
              + " events of it");
    }
    insertEvent(tx, record.topic(), event);
    history.add(event.payload());
    LcState state =
        LetterOfCredit.replay(history)
            .orElseThrow(() -> new IllegalStateException("no state after " + event.eventId()));
    upsertRegister(tx, lcId, state, event);
    rewritePresentations(tx, lcId, state);
  }

  private static final List<String> TABLES =
      List.of("rpt_discrepancies", "rpt_presentations", "rpt_lc_register", "rpt_lc_events");

  /** Empties the projection's tables, in {@code tx}, before a rebuild from the log. */
  static void clear(Connection tx) throws SQLException {
    for (String table : TABLES) {
      try (PreparedStatement delete = tx.prepareStatement("DELETE FROM " + table)) {
        delete.executeUpdate();
      }
    }
  }

  /** Deletes every row of credit {@code lcId}, in {@code tx}: its data was shredded. */
  static void forget(Connection tx, String lcId) throws SQLException {
    for (String table : TABLES) {
      try (PreparedStatement delete =
          tx.prepareStatement("DELETE FROM " + table + " WHERE lc_id = ?")) {
        delete.setString(1, lcId);
        delete.executeUpdate();
      }
    }
  }

  private List<LcEvent> history(Connection tx, String topic, String lcId) throws SQLException {
    List<LcEvent> events = new ArrayList<>();
    try (PreparedStatement select =
        tx.prepareStatement(
            "SELECT payload FROM rpt_lc_events WHERE lc_id = ? ORDER BY lc_version")) {
      select.setString(1, lcId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          events.add(serde.deserialize(topic, rows.getBytes(1)).payload());
        }
      }
    }
    return events;
  }

  private void insertEvent(Connection tx, String topic, RecordedEvent<LcEvent> event)
      throws SQLException {
    try (PreparedStatement insert =
        tx.prepareStatement(
            "INSERT INTO rpt_lc_events"
                + " (lc_id, lc_version, event_id, event_type, occurred_at, payload)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, event.aggregateId());
      insert.setLong(2, event.aggregateVersion());
      insert.setString(3, event.eventId().toString());
      insert.setString(4, event.eventType());
      insert.setObject(5, event.occurredAt().atOffset(ZoneOffset.UTC));
      insert.setBytes(6, serde.serialize(topic, event));
      insert.executeUpdate();
    }
  }

  private static void upsertRegister(
      Connection tx, String lcId, LcState state, RecordedEvent<LcEvent> event) throws SQLException {
    try (PreparedStatement delete =
        tx.prepareStatement("DELETE FROM rpt_lc_register WHERE lc_id = ?")) {
      delete.setString(1, lcId);
      delete.executeUpdate();
    }
    LcTerms terms = state.terms();
    try (PreparedStatement insert =
        tx.prepareStatement(
            "INSERT INTO rpt_lc_register (lc_id, status, applicant_name, applicant_country,"
                + " beneficiary_name, beneficiary_country, issuing_bank_bic, advising_bank_bic,"
                + " confirming_bank_bic, currency, amount, maximum_drawable, drawn, expiry_date,"
                + " effective_expiry_date, applied_on, issued_on, lc_version, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, lcId);
      insert.setString(2, state.status().name());
      insert.setString(3, terms.applicant().name());
      insert.setString(4, terms.applicant().country());
      insert.setString(5, terms.beneficiary().name());
      insert.setString(6, terms.beneficiary().country());
      insert.setString(7, terms.issuingBank().bic());
      insert.setString(8, bic(terms.advisingBank()));
      insert.setString(9, bic(state.confirmingBank()));
      insert.setString(10, terms.amount().currency().getCurrencyCode());
      insert.setBigDecimal(11, terms.amount().amount());
      insert.setBigDecimal(12, terms.maximumDrawable().amount());
      insert.setBigDecimal(13, state.drawn().amount());
      setDate(insert, 14, terms.expiryDate());
      setDate(insert, 15, state.effectiveExpiryDate());
      setDate(insert, 16, state.appliedOn());
      setDate(insert, 17, state.issuedOn());
      insert.setLong(18, event.aggregateVersion());
      insert.setObject(19, event.occurredAt().atOffset(ZoneOffset.UTC));
      insert.executeUpdate();
    }
  }

  private static void rewritePresentations(Connection tx, String lcId, LcState state)
      throws SQLException {
    for (String table : List.of("rpt_discrepancies", "rpt_presentations")) {
      try (PreparedStatement delete =
          tx.prepareStatement("DELETE FROM " + table + " WHERE lc_id = ?")) {
        delete.setString(1, lcId);
        delete.executeUpdate();
      }
    }
    try (PreparedStatement presentation =
            tx.prepareStatement(
                "INSERT INTO rpt_presentations (lc_id, presentation_id, status, currency, amount,"
                    + " shipment_date, presented_on, examination_deadline, maturity_date)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement discrepancy =
            tx.prepareStatement(
                "INSERT INTO rpt_discrepancies"
                    + " (lc_id, presentation_id, position, code, description)"
                    + " VALUES (?, ?, ?, ?, ?)")) {
      for (Presentation p : state.presentations()) {
        String id = p.presentationId().value();
        presentation.setString(1, lcId);
        presentation.setString(2, id);
        presentation.setString(3, p.status().name());
        presentation.setString(4, p.amount().currency().getCurrencyCode());
        presentation.setBigDecimal(5, p.amount().amount());
        setDate(presentation, 6, p.shipmentDate());
        setDate(presentation, 7, p.presentedOn());
        setDate(presentation, 8, p.examinationDeadline());
        setDate(presentation, 9, p.maturityDate());
        presentation.addBatch();
        int position = 1;
        for (Discrepancy d : p.discrepancies()) {
          discrepancy.setString(1, lcId);
          discrepancy.setString(2, id);
          discrepancy.setInt(3, position++);
          discrepancy.setString(4, d.code());
          discrepancy.setString(5, d.description());
          discrepancy.addBatch();
        }
      }
      presentation.executeBatch();
      discrepancy.executeBatch();
    }
  }

  private static String bic(Bank bank) {
    return bank == null ? null : bank.bic();
  }

  /** As a LocalDate, so that no time zone shifts the day on its way in. */
  private static void setDate(PreparedStatement statement, int index, LocalDate day)
      throws SQLException {
    statement.setObject(index, day, Types.DATE);
  }
}
