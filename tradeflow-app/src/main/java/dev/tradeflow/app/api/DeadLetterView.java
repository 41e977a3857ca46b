package dev.tradeflow.app.api;

import dev.tradeflow.app.json.Json;
import dev.tradeflow.runtime.Topics;
import dev.tradeflow.runtime.crypto.RecordEncryption;
import dev.tradeflow.runtime.dlq.DeadLetter;
import dev.tradeflow.runtime.dlq.DeadLetterAction;
import dev.tradeflow.runtime.dlq.DeadLetterEntry;
import dev.tradeflow.runtime.dlq.DeadLetterHeaders;
import dev.tradeflow.schemas.EventSerde;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * A dead letter as operators see it (API and CLI): where it came from, why it was parked, its
 * headers, its payload decoded when it can be (an LC event, a command's JSON, text) and its bytes
 * otherwise, and what was done with it.
 *
 * @param payload the decoded value, or null when it could not be decoded
 * @param payloadBase64 the value as stored, when it could not be decoded
 * @param decodeError why it could not be decoded, or null
 */
public record DeadLetterView(
    String id,
    String originalTopic,
    int originalPartition,
    long originalOffset,
    String key,
    String reason,
    String consumerGroup,
    String exceptionClass,
    String exceptionMessage,
    String attempts,
    String firstFailure,
    String lastFailure,
    Instant parkedAt,
    Map<String, String> headers,
    Object payload,
    String payloadBase64,
    String decodeError,
    DeadLetterAction resolution) {

  /** Decoded with {@code events} once opened with {@code encryption}. */
  public static DeadLetterView of(
      DeadLetterEntry entry, EventSerde events, RecordEncryption encryption) {
    DeadLetter letter = entry.letter();
    Object payload = null;
    String error = null;
    if (letter.value() != null) {
      try {
        payload = decode(letter, events, encryption);
      } catch (RuntimeException | IOException e) {
        error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      }
    }
    return new DeadLetterView(
        letter.id().toString(),
        letter.originalTopic(),
        letter.originalPartition(),
        letter.originalOffset(),
        letter.keyText().orElse(letter.keyHex()),
        letter.reason(),
        letter.consumerGroup(),
        letter.header(DeadLetterHeaders.EXCEPTION_CLASS).orElse(null),
        letter.header(DeadLetterHeaders.EXCEPTION_MESSAGE).orElse(null),
        letter.header(DeadLetterHeaders.ATTEMPTS).orElse(null),
        letter.header(DeadLetterHeaders.FIRST_FAILURE).orElse(null),
        letter.header(DeadLetterHeaders.LAST_FAILURE).orElse(null),
        letter.parkedAt(),
        letter.headers(),
        payload,
        payload == null && letter.value() != null
            ? Base64.getEncoder().encodeToString(letter.value())
            : null,
        error,
        entry.resolution().orElse(null));
  }

  private static Object decode(DeadLetter letter, EventSerde events, RecordEncryption encryption)
      throws IOException {
    byte[] value = encryption.open(letter.originalTopic(), letter.key(), letter.value());
    if (Topics.LC_EVENTS.equals(letter.originalTopic())) {
      return EventView.of(events.deserialize(letter.originalTopic(), value));
    }
    // Commands, and anything else written as JSON.
    return Json.mapper().readTree(value);
  }
}
