package dev.tradeflow.schemas.crypto;

import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.domain.lc.LcEvent;
import dev.tradeflow.schemas.EventDecodingException;
import dev.tradeflow.schemas.EventSerde;

/**
 * An event serde whose record values are encrypted under the credit's data key (see {@link
 * PayloadCipher}). Values written before encryption was turned on are still read.
 */
public final class EncryptingEventSerde implements EventSerde {

  private final EventSerde inner;
  private final PayloadCipher cipher;

  public EncryptingEventSerde(EventSerde inner, PayloadCipher cipher) {
    this.inner = inner;
    this.cipher = cipher;
  }

  @Override
  public byte[] serialize(String topic, RecordedEvent<LcEvent> event) {
    return cipher.encrypt(topic, event.aggregateId(), inner.serialize(topic, event));
  }

  @Override
  public RecordedEvent<LcEvent> deserialize(String topic, byte[] data) {
    if (!PayloadCipher.isEnvelope(data)) {
      return inner.deserialize(topic, data);
    }
    PayloadCipher.Plaintext plaintext;
    try {
      plaintext = cipher.decrypt(topic, data);
    } catch (KeyShreddedException | IllegalArgumentException e) {
      throw new EventDecodingException(e.getMessage(), e);
    }
    RecordedEvent<LcEvent> event = inner.deserialize(topic, plaintext.bytes());
    if (!event.aggregateId().equals(plaintext.subject())) {
      throw new EventDecodingException(
          "an event of "
              + event.aggregateId()
              + " encrypted under the key of "
              + plaintext.subject()
              + " on "
              + topic);
    }
    return event;
  }
}
