package dev.tradeflow.app.replay;

import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.domain.lc.LcEvent;
import dev.tradeflow.domain.lc.LcState;
import dev.tradeflow.domain.lc.LetterOfCredit;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.TopicReader;
import dev.tradeflow.runtime.Topics;
import dev.tradeflow.runtime.crypto.RecordEncryption;
import dev.tradeflow.schemas.EventSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One credit rebuilt from the log of record, for tools that must know its state without the
 * service: its events read from {@code tf.lc.events} in order and folded.
 */
public final class CreditHistory {

  private static final Duration STALL = Duration.ofSeconds(30);

  private CreditHistory() {}

  /**
   * The credit's state as its events leave it; empty when it has none.
   *
   * @throws IllegalStateException when one of its events cannot be read (a destroyed key, say):
   *     what it would have changed is unknown
   */
  public static Optional<LcState> rebuild(KafkaClients clients, EventSerde serde, String lcId) {
    byte[] key = lcId.getBytes(StandardCharsets.UTF_8);
    RecordEncryption encryption = clients.encryption();
    AtomicReference<LcState> state = new AtomicReference<>();
    TopicReader.readToEnd(
        clients,
        List.of(Topics.LC_EVENTS),
        STALL,
        record -> {
          if (record.key() == null || !java.util.Arrays.equals(record.key(), key)) {
            return;
          }
          RecordedEvent<LcEvent> event;
          try {
            event = serde.deserialize(record.topic(), encryption.open(record));
          } catch (RuntimeException e) {
            throw new IllegalStateException(
                "event "
                    + record.topic()
                    + "-"
                    + record.partition()
                    + "@"
                    + record.offset()
                    + " of "
                    + lcId
                    + " cannot be read: "
                    + e.getMessage(),
                e);
          }
          state.set(LetterOfCredit.evolve(Optional.ofNullable(state.get()), event.payload()));
        });
    return Optional.ofNullable(state.get());
  }
}
