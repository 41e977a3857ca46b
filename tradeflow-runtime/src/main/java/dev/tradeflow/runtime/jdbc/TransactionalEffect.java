package dev.tradeflow.runtime.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What one record does to the database, inside the transaction that also stores its offset: the
 * effect must use {@code tx} and neither commit nor roll it back.
 */
@FunctionalInterface
public interface TransactionalEffect<K, V> {

  void apply(ConsumerRecord<K, V> record, Connection tx) throws SQLException;
}
