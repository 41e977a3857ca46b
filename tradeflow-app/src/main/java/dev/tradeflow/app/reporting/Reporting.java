package dev.tradeflow.app.reporting;

import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.domain.lc.LcEvent;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.Topics;
import dev.tradeflow.runtime.TradeflowConfig.JdbcSettings;
import dev.tradeflow.runtime.consumer.ReliableConsumer;
import dev.tradeflow.runtime.consumer.ReliableConsumerSettings;
import dev.tradeflow.runtime.dlq.ParkedKey;
import dev.tradeflow.runtime.jdbc.Database;
import dev.tradeflow.runtime.jdbc.JdbcSink;
import dev.tradeflow.runtime.tracing.KafkaTracing;
import dev.tradeflow.schemas.EventSerde;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The SQL reporting projection, running: its database (migrated), a reliable consumer of {@code
 * tf.lc.events} whose rows and offsets commit together, and the queries over its tables.
 */
public final class Reporting implements AutoCloseable {

  private static final String GROUP_PREFIX = "tradeflow-reporting-";

  /**
   * How long an event id is remembered against a dead letter replayed twice. Past it, the
   * projection still skips an event whose version it has folded.
   */
  static final Duration PROCESSED_ID_TTL = Duration.ofDays(30);

  private final Database database;
  private final ReliableConsumer<String, RecordedEvent<LcEvent>> consumer;
  private final ShreddedCreditPurge purge;
  private final ReportingQueries queries;

  private Reporting(
      Database database,
      ReliableConsumer<String, RecordedEvent<LcEvent>> consumer,
      ShreddedCreditPurge purge) {
    this.database = database;
    this.consumer = consumer;
    this.purge = purge;
    this.queries = new ReportingQueries(database.dataSource());
  }

  /**
   * Opens and migrates the database, then starts consuming.
   *
   * @param rebuild empties the projection first, so that it is rebuilt from the whole log (a fresh
   *     log would otherwise meet positions the projection stored for the old one)
   * @param shreddedCredits the credits whose data keys were destroyed: their rows are deleted
   * @throws IllegalStateException when the database cannot be reached or migrated
   */
  public static Reporting start(
      JdbcSettings jdbc,
      boolean rebuild,
      KafkaClients clients,
      EventSerde serde,
      MeterRegistry meters,
      KafkaTracing tracing,
      Supplier<Set<String>> shreddedCredits) {
    Database database = openDatabase(jdbc);
    String groupId = groupIdFor(jdbc);
    try {
      if (rebuild) {
        clear(database, groupId);
      }
      JdbcSink<String, RecordedEvent<LcEvent>> sink =
          new JdbcSink<>(
              database.dataSource(),
              groupId,
              record -> Optional.of(record.value().eventId().toString()),
              new ReportingProjection(serde),
              PROCESSED_ID_TTL,
              Clock.systemUTC());
      Deserializer<RecordedEvent<LcEvent>> events = serde::deserialize;
      ReliableConsumer<String, RecordedEvent<LcEvent>> consumer =
          ReliableConsumer.start(
              clients,
              ReliableConsumerSettings.of(groupId, List.of(Topics.LC_EVENTS)),
              new StringDeserializer(),
              events,
              sink,
              meters,
              tracing);
      return new Reporting(
          database, consumer, ShreddedCreditPurge.start(database.dataSource(), shreddedCredits));
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** The reporting database with the projection's tables migrated, for queries alone. */
  public static Database openDatabase(JdbcSettings jdbc) {
    Database database = Database.open(jdbc, "tradeflow-reporting", 4);
    try {
      database.migrate(ReportingProjection.MIGRATIONS, ReportingProjection.MIGRATION_HISTORY);
      return database;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /**
   * The projection's consumer group, named after its database: instances writing to one database
   * share the work, and an instance with a database of its own (the embedded H2 file) reads every
   * event. Its offsets live in that database.
   */
  public static String groupIdFor(JdbcSettings jdbc) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(jdbc.url().getBytes(StandardCharsets.UTF_8));
      return GROUP_PREFIX + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  private static void clear(Database database, String groupId) {
    try (Connection tx = database.dataSource().getConnection()) {
      tx.setAutoCommit(false);
      ReportingProjection.clear(tx);
      JdbcSink.forgetGroup(tx, groupId);
      tx.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not empty the reporting projection for a rebuild: " + e.getMessage(), e);
    }
  }

  public ReportingQueries queries() {
    return queries;
  }

  /** Credits whose events wait in {@code tf.lc.events.dlq} behind one the projection parked. */
  public Set<ParkedKey> parkedKeys() {
    return consumer.parkedKeys();
  }

  public boolean isRunning() {
    return consumer.isRunning();
  }

  @Override
  public void close() {
    try (database;
        purge) {
      consumer.close();
    }
  }
}
