package dev.tradeflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.domain.lc.LcEvent;
import dev.tradeflow.schemas.avro.EventEnvelope;
import dev.tradeflow.schemas.avro.lc.CreditClosed;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UndecodableInputTest {

  private static final String TOPIC = "tf.lc.events";

  private final EventSerde serde = new AvroSingleObjectSerde();

  @Test
  void garbage_has_bad_magic() {
    byte[] garbage = new byte[64];
    new Random(7).nextBytes(garbage);
    garbage[0] = 0x00;

    assertThatThrownBy(() -> serde.deserialize(TOPIC, garbage))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("bad magic")
        .hasMessageContaining(TOPIC);
  }

  @Test
  void json_has_bad_magic() {
    byte[] json = "{\"eventType\":\"CreditClosed\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> serde.deserialize(TOPIC, json))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("bad magic")
        .hasMessageContaining("found 7b22");
  }

  @Test
  void another_single_object_format_version_has_bad_magic() {
    byte[] bytes = validBytes();
    bytes[1] = 0x02;

    assertThatThrownBy(() -> serde.deserialize(TOPIC, bytes))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("bad magic")
        .hasMessageContaining("found c302");
  }

  @Test
  void the_confluent_wire_format_has_bad_magic() {
    byte[] confluent = {0x00, 0x00, 0x00, 0x00, 0x01, 0x02, 0x04};

    assertThatThrownBy(() -> serde.deserialize(TOPIC, confluent))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("bad magic");
  }

  @Test
  void no_data_is_undecodable() {
    assertThatThrownBy(() -> serde.deserialize(TOPIC, new byte[0]))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("no data");
    assertThatThrownBy(() -> serde.deserialize(TOPIC, null))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("no data");
  }

  @Test
  void a_header_cut_short_is_truncated() {
    byte[] bytes = Arrays.copyOf(validBytes(), 6);

    assertThatThrownBy(() -> serde.deserialize(TOPIC, bytes))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("truncated header")
        .hasMessageContaining("6 bytes");
  }

  @Test
  void every_cut_of_a_record_is_truncated() {
    byte[] bytes = validBytes();

    for (int length = 10; length < bytes.length; length++) {
      byte[] cut = Arrays.copyOf(bytes, length);
      EventDecodingException thrown =
          catchThrowableOfType(EventDecodingException.class, () -> serde.deserialize(TOPIC, cut));
      assertThat(thrown).as("cut to %d bytes", length).isNotNull();
      assertThat(thrown.getMessage())
          .as("cut to %d bytes", length)
          .startsWith("truncated " + LcEventSchemas.recordNameOf(LcEvent.CreditApplied.class));
    }
  }

  @Test
  void an_unknown_fingerprint_is_named() {
    byte[] bytes = validBytes();
    Arrays.fill(bytes, 2, 10, (byte) 0xAB);

    assertThatThrownBy(() -> serde.deserialize(TOPIC, bytes))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("unknown schema fingerprint abababababababab");
  }

  @Test
  void bytes_after_the_record_are_refused() {
    byte[] valid = validBytes();
    byte[] bytes = Arrays.copyOf(valid, valid.length + 3);

    assertThatThrownBy(() -> serde.deserialize(TOPIC, bytes))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("3 unexpected bytes after a");
  }

  @Test
  void a_length_running_past_the_end_is_truncated_and_never_allocated() {
    byte[] valid = validBytes();
    // The event id, the record's first value, claims to be about a gigabyte long.
    byte[] bytes = Arrays.copyOf(valid, 16);
    byte[] hugeLength = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08};
    System.arraycopy(hugeLength, 0, bytes, 10, hugeLength.length);

    assertThatThrownBy(() -> serde.deserialize(TOPIC, bytes))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageStartingWith("truncated")
        .hasMessageContaining("16 bytes");
  }

  @Test
  void a_malformed_value_is_corrupt() {
    byte[] bytes = validBytes();
    // The first byte of the event id, a UUID string after its one-byte length.
    bytes[11] = 'x';

    assertThatThrownBy(() -> serde.deserialize(TOPIC, bytes))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageStartingWith(
            "corrupt " + LcEventSchemas.recordNameOf(LcEvent.CreditApplied.class) + " record");
  }

  @Test
  void a_record_whose_envelope_names_another_event_type_is_not_a_valid_event() throws IOException {
    byte[] bytes = creditClosed("CreditExpired", "00".repeat(32), "USD").array();

    assertThatThrownBy(() -> serde.deserialize(TOPIC, bytes))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("is not a valid event")
        .hasMessageContaining("eventType CreditExpired");
  }

  @Test
  void a_record_with_a_malformed_hash_is_not_a_valid_event() throws IOException {
    byte[] bytes = creditClosed("CreditClosed", "not-a-hash", "USD").array();

    assertThatThrownBy(() -> serde.deserialize(TOPIC, bytes))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("is not a valid event")
        .hasMessageContaining("not-a-hash");
  }

  private static byte[] validBytes() {
    RecordedEvent<LcEvent> event = SampleEvents.recorded(SampleEvents.all(true)).get(0);
    return new AvroSingleObjectSerde().serialize(TOPIC, event);
  }

  /** Written with the generated class directly, bypassing the checks of the domain. */
  private static ByteBuffer creditClosed(String eventType, String hash, String currency)
      throws IOException {
    EventEnvelope envelope =
        EventEnvelope.newBuilder()
            .setEventId(UUID.randomUUID())
            .setAggregateId(SampleEvents.LC_ID)
            .setAggregateVersion(9)
            .setEventType(eventType)
            .setOccurredAt(Instant.parse("2026-08-20T10:00:00Z"))
            .setCausationId("cmd-1")
            .setCorrelationId("corr-1")
            .setActor("ops@issuing-bank")
            .setPrevHash("00".repeat(32))
            .setHash(hash)
            .build();
    return CreditClosed.newBuilder()
        .setEnvelope(envelope)
        .setClosedOn(LocalDate.parse("2026-08-20"))
        .build()
        .toByteBuffer();
  }
}
