package dev.tradeflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.domain.lc.LcEvent;
import dev.tradeflow.schemas.crypto.EncryptingEventSerde;
import dev.tradeflow.schemas.crypto.FileDataKeys;
import dev.tradeflow.schemas.crypto.PayloadCipher;
import dev.tradeflow.schemas.crypto.Pkcs12KeyEncryptionKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of event through the encrypting serde, and what a shredded credit leaves. */
class EncryptingEventSerdeTest {

  @TempDir Path dir;

  @Test
  void every_event_round_trips_encrypted_and_plaintext_from_before_still_reads() {
    FileDataKeys keys =
        new FileDataKeys(
            dir.resolve("keys"),
            Pkcs12KeyEncryptionKey.openOrCreate(dir.resolve("kek.p12"), "pw".toCharArray()),
            Duration.ofDays(30),
            Clock.systemUTC());
    EventSerde plain = new AvroSingleObjectSerde();
    EventSerde serde = new EncryptingEventSerde(plain, new PayloadCipher(keys));

    for (RecordedEvent<LcEvent> event : SampleEvents.recorded(SampleEvents.all(true))) {
      byte[] bytes = serde.serialize("tf.lc.events", event);
      assertThat(PayloadCipher.isEnvelope(bytes)).isTrue();
      assertThat(serde.deserialize("tf.lc.events", bytes)).isEqualTo(event);
      assertThat(serde.deserialize("tf.lc.events", plain.serialize("tf.lc.events", event)))
          .isEqualTo(event);
    }

    RecordedEvent<LcEvent> first = SampleEvents.recorded(SampleEvents.all(true)).get(0);
    byte[] underAnotherCredit =
        new PayloadCipher(keys)
            .encrypt("tf.lc.events", "LC-OTHER", plain.serialize("tf.lc.events", first));
    assertThatThrownBy(() -> serde.deserialize("tf.lc.events", underAnotherCredit))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("encrypted under the key of LC-OTHER");

    byte[] bytes = serde.serialize("tf.lc.events", first);
    keys.shred(first.aggregateId());
    assertThatThrownBy(() -> serde.deserialize("tf.lc.events", bytes))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("crypto-shredding");
  }
}
