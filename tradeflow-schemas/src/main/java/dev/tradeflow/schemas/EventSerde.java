package dev.tradeflow.schemas;

import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.domain.lc.LcEvent;

/**
 * Turns recorded letter-of-credit events into record values and back. The topic is where the bytes
 * are written or read: an encoding backed by a schema registry names its subjects after it (see
 * {@link LcEventSchemas#subjectFor}). Implementations are thread-safe.
 */
public interface EventSerde {

  /**
   * The bytes of an event.
   *
   * @throws IllegalArgumentException when the event cannot be written under its schema, e.g. a
   *     required value is missing or a decimal does not fit
   */
  byte[] serialize(String topic, RecordedEvent<LcEvent> event);

  /**
   * The event in {@code data}, exactly as it was serialized: equal to the original and with the
   * same hash.
   *
   * @throws EventDecodingException when the bytes are not a readable event
   */
  RecordedEvent<LcEvent> deserialize(String topic, byte[] data);
}
