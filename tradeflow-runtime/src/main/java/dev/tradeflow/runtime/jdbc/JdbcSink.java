package dev.tradeflow.runtime.jdbc;

import dev.tradeflow.runtime.consumer.OffsetStoringHandler;
import dev.tradeflow.runtime.consumer.TransientFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * A handler whose effect is rows in a database, applied exactly once: each record's effect, its
 * partition's next offset and its message id commit in one transaction, with those of the records
 * handled before it since the last {@link #flush} (up to {@value #RECORDS_PER_TRANSACTION}; each
 * within a savepoint, so that a failing record is taken back alone). A record redelivered after a
 * crash or a rebalance sits below the stored offset and is skipped; the same message arriving at
 * another offset (a dead letter replayed) is found among the processed ids and is not applied
 * again. Processed ids are forgotten after their time-to-live.
 *
 * <p>Give it to a {@link dev.tradeflow.runtime.consumer.ReliableConsumer}, which starts each
 * partition from the offset stored here.
 */
public final class JdbcSink<K, V> implements OffsetStoringHandler<K, V> {

  // One transaction for up to this many records, each within a savepoint so that a failing one is
  // taken back alone. Per record, a durable commit was most of the projection's CPU (the embedded
  // H2 writes its changed pages at every commit); PostgreSQL slows down past 64 subtransactions in
  // one transaction, so a few dozen records it is.
  static final int RECORDS_PER_TRANSACTION = 32;

  private final DataSource dataSource;
  private final String groupId;
  private final Function<ConsumerRecord<K, V>, Optional<String>> messageId;
  private final TransactionalEffect<K, V> effect;
  private final Duration processedIdTtl;
  private final Clock clock;
  private volatile Instant nextPurge = Instant.MIN;

  // Used by the one consumer thread that handles the records.
  private Connection open;
  private int uncommitted;
  private boolean unflushedLost;

  /**
   * @param groupId the consumer group whose positions and processed ids these are
   * @param messageId a record's stable identity (an event id), empty when it has none: such a
   *     record is protected against redelivery by its offset only
   * @param processedIdTtl how long a message id is remembered; replays of dead letters must come
   *     within it
   */
  public JdbcSink(
      DataSource dataSource,
      String groupId,
      Function<ConsumerRecord<K, V>, Optional<String>> messageId,
      TransactionalEffect<K, V> effect,
      Duration processedIdTtl,
      Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.groupId = Objects.requireNonNull(groupId, "groupId");
    this.messageId = Objects.requireNonNull(messageId, "messageId");
    this.effect = Objects.requireNonNull(effect, "effect");
    this.processedIdTtl = Objects.requireNonNull(processedIdTtl, "processedIdTtl");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (processedIdTtl.isNegative() || processedIdTtl.isZero()) {
      throw new IllegalArgumentException("processedIdTtl must be positive: " + processedIdTtl);
    }
  }

  @Override
  public void handle(ConsumerRecord<K, V> record) throws Exception {
    Instant now = clock.instant();
    boolean purgeDue = now.isAfter(nextPurge);
    Savepoint before = null;
    try {
      Connection tx = transaction();
      before = tx.setSavepoint();
      OptionalLong stored = lockPosition(tx, record.topic(), record.partition());
      if (stored.isPresent() && record.offset() < stored.getAsLong()) {
        tx.rollback(before); // redelivered: its effect is already in
        return;
      }
      Optional<String> id = messageId.apply(record);
      if (id.isEmpty() || remember(tx, id.get(), now)) {
        effect.apply(record, tx);
      }
      storePosition(tx, record, stored.isPresent(), now);
      // Committed before a purge, which runs on a connection of its own.
      if (++uncommitted >= RECORDS_PER_TRANSACTION || purgeDue) {
        try {
          commit();
        } catch (SQLException e) {
          unflushedLost = true; // the records before this one went with it
          throw e;
        }
      }
    } catch (SQLException | RuntimeException e) {
      undo(before);
      throw e instanceof SQLException sql && isTransient(sql) ? new TransientSqlFailure(sql) : e;
    }
    if (purgeDue) {
      purgeProcessedIds(now);
    }
  }

  /**
   * Commits the records handled since the last flush: their effects, positions and ids.
   *
   * @throws SQLException when some of them could not be committed
   */
  @Override
  public void flush() throws SQLException {
    if (unflushedLost) {
      unflushedLost = false;
      discard();
      throw new SQLException(
          "a commit of the records handled since the last flush failed: they are not in");
    }
    commit();
  }

  private void commit() throws SQLException {
    Connection tx = open;
    if (tx == null) {
      return;
    }
    open = null;
    uncommitted = 0;
    try (tx) {
      tx.commit();
    } catch (SQLException e) {
      try {
        tx.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Rolls the open transaction back; its records are reported lost by the next flush. */
  private void discard() {
    Connection tx = open;
    open = null;
    uncommitted = 0;
    if (tx != null) {
      try (tx) {
        tx.rollback();
      } catch (SQLException e) {
        // Nothing of it was committed either way, and the connection is closed.
      }
    }
  }

  /** The open transaction of the records since the last flush, or a new one. */
  private Connection transaction() throws SQLException {
    if (open == null) {
      Connection tx = dataSource.getConnection();
      try {
        tx.setAutoCommit(false);
      } catch (SQLException e) {
        tx.close();
        throw e;
      }
      open = tx;
    }
    return open;
  }

  /** Takes back the failed record's part of the transaction, leaving the records before it. */
  private void undo(Savepoint before) {
    if (open == null) {
      return;
    }
    try {
      if (before == null) {
        throw new SQLException("no savepoint to go back to");
      }
      open.rollback(before);
    } catch (SQLException e) {
      // The records before this one cannot be kept apart from it: they go too, not to be built on.
      unflushedLost = true;
      discard();
    }
  }

  @Override
  public Map<TopicPartition, Long> storedPositions(Collection<TopicPartition> partitions)
      throws SQLException {
    Map<TopicPartition, Long> positions = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT topic, partition_no, next_offset FROM tf_consumer_offsets"
                    + " WHERE group_id = ?")) {
      select.setString(1, groupId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          TopicPartition partition = new TopicPartition(rows.getString(1), rows.getInt(2));
          if (partitions.contains(partition)) {
            positions.put(partition, rows.getLong(3));
          }
        }
      }
    }
    return positions;
  }

  /**
   * Forgets every position and processed id of the group, in {@code tx}: the consumer then starts
   * from Kafka's committed offsets (or the beginning), to rebuild effects that were dropped in the
   * same transaction.
   */
  public static void forgetGroup(Connection tx, String groupId) throws SQLException {
    for (String table : new String[] {"tf_consumer_offsets", "tf_processed_ids"}) {
      try (PreparedStatement delete =
          tx.prepareStatement("DELETE FROM " + table + " WHERE group_id = ?")) {
        delete.setString(1, groupId);
        delete.executeUpdate();
      }
    }
  }

  /** Forgets the message ids processed longer than the time-to-live ago; returns how many. */
  public int purgeProcessedIds(Instant now) throws SQLException {
    nextPurge = now.plus(processedIdTtl.dividedBy(10));
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete =
            c.prepareStatement(
                "DELETE FROM tf_processed_ids WHERE group_id = ? AND processed_at < ?")) {
      delete.setString(1, groupId);
      delete.setObject(2, utc(now.minus(processedIdTtl)));
      return delete.executeUpdate();
    }
  }

  /** The stored next offset, locked until the transaction ends so that a zombie owner waits. */
  private OptionalLong lockPosition(Connection tx, String topic, int partition)
      throws SQLException {
    try (PreparedStatement select =
        tx.prepareStatement(
            "SELECT next_offset FROM tf_consumer_offsets"
                + " WHERE group_id = ? AND topic = ? AND partition_no = ? FOR UPDATE")) {
      select.setString(1, groupId);
      select.setString(2, topic);
      select.setInt(3, partition);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  /** False when the id was processed already. */
  private boolean remember(Connection tx, String id, Instant now) throws SQLException {
    try (PreparedStatement select =
        tx.prepareStatement(
            "SELECT 1 FROM tf_processed_ids WHERE group_id = ? AND message_id = ?")) {
      select.setString(1, groupId);
      select.setString(2, id);
      try (ResultSet row = select.executeQuery()) {
        if (row.next()) {
          return false;
        }
      }
    }
    try (PreparedStatement insert =
        tx.prepareStatement(
            "INSERT INTO tf_processed_ids (group_id, message_id, processed_at) VALUES (?, ?, ?)")) {
      insert.setString(1, groupId);
      insert.setString(2, id);
      insert.setObject(3, utc(now));
      insert.executeUpdate();
    }
    return true;
  }

  private void storePosition(
      Connection tx, ConsumerRecord<K, V> record, boolean exists, Instant now) throws SQLException {
    String sql =
        exists
            ? "UPDATE tf_consumer_offsets SET next_offset = ?, updated_at = ?"
                + " WHERE group_id = ? AND topic = ? AND partition_no = ?"
            : "INSERT INTO tf_consumer_offsets"
                + " (next_offset, updated_at, group_id, topic, partition_no) VALUES (?, ?, ?, ?, ?)";
    try (PreparedStatement write = tx.prepareStatement(sql)) {
      write.setLong(1, record.offset() + 1);
      write.setObject(2, utc(now));
      write.setString(3, groupId);
      write.setString(4, record.topic());
      write.setInt(5, record.partition());
      write.executeUpdate();
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** Connection loss (SQLState class 08), serialization failures and deadlocks (class 40). */
  private static boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    return e instanceof SQLTransientException
        || e instanceof SQLRecoverableException
        || (state != null && (state.startsWith("08") || state.startsWith("40")));
  }

  /** A database failure a later attempt may not meet: retried by the default classifier. */
  private static final class TransientSqlFailure extends Exception implements TransientFailure {
    TransientSqlFailure(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
