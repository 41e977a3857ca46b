package dev.tradeflow.runtime.crypto;

import dev.tradeflow.runtime.Topics;
import dev.tradeflow.runtime.TradeflowConfig.CryptoSettings;
import dev.tradeflow.runtime.crypto.internals.EncryptingClientSupplier;
import dev.tradeflow.runtime.crypto.internals.SealingProducer;
import dev.tradeflow.schemas.crypto.KeyShreddedException;
import dev.tradeflow.schemas.crypto.PayloadCipher;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaClientSupplier;

/**
 * Encryption of record values where they meet Kafka: with {@code crypto.enabled}, every value a
 * Tradeflow producer writes to a {@link #covers covered} topic is sealed with {@link PayloadCipher}
 * (the subject, whose data key encrypts it, is the record key: a credit's id, a facility's, a
 * document's), and every reader opens it again. One layer for every topic, below the serializers,
 * so that no format (Avro events, JSON commands, results, cases) can forget it.
 *
 * <p>A dead-letter topic's records are sealed for the topic they were parked from: parking and
 * replaying copy the stored bytes as they are, and the copy still opens where it lands.
 */
public final class RecordEncryption {

  // Checkpoints and the sequencer's resume points hold hashes, tree sizes and signatures, no
  // party's data; auditors verify them without the bank's keys (ADR 0013).
  private static final Set<String> EXEMPT =
      Set.of(Topics.AUDIT_CHECKPOINTS, Topics.AUDIT_SEQUENCER_STATE);

  private static final RecordEncryption NONE = new RecordEncryption(Optional.empty());

  private final Optional<PayloadCipher> cipher;

  private RecordEncryption(Optional<PayloadCipher> cipher) {
    this.cipher = cipher;
  }

  /** Values are written and read as they are. */
  public static RecordEncryption none() {
    return NONE;
  }

  /** Values of covered topics are sealed and opened with {@code cipher}. */
  public static RecordEncryption with(PayloadCipher cipher) {
    return new RecordEncryption(Optional.of(cipher));
  }

  /** As {@code crypto.*} says: the process's data keys when enabled (made on first use). */
  public static RecordEncryption of(CryptoSettings settings) {
    return settings.enabled()
        ? with(new PayloadCipher(PayloadEncryption.open(settings).dataKeys()))
        : none();
  }

  public boolean enabled() {
    return cipher.isPresent();
  }

  /**
   * True for the topics whose values are encrypted when enabled: every {@code tf.*} topic and its
   * dead-letter topic, but the audit log's own.
   */
  public static boolean covers(String topic) {
    String origin = Topics.originOf(topic);
    return origin.startsWith("tf.") && !EXEMPT.contains(origin);
  }

  /**
   * The value to store: sealed under {@code key}'s data key when enabled and {@code topic} is
   * covered. Null (a tombstone) and a value that is already sealed (a stored record copied to a DLQ
   * or back) stay as they are.
   */
  public byte[] seal(String topic, Object key, byte[] value) {
    if (cipher.isEmpty() || value == null || !covers(topic) || PayloadCipher.isEnvelope(value)) {
      return value;
    }
    return cipher.get().encrypt(Topics.originOf(topic), subjectOf(key), value);
  }

  /**
   * The plaintext of a stored value. A value that is not sealed (written before encryption was
   * turned on, or on a topic that is not covered) is returned as it is.
   *
   * @throws RecordDecryptionException when the value is sealed but cannot be opened here, or was
   *     sealed under another key's data key than the record's
   */
  public byte[] open(String topic, Object key, byte[] value) {
    if (cipher.isEmpty() || !covers(topic) || !PayloadCipher.isEnvelope(value)) {
      return value;
    }
    PayloadCipher.Plaintext plaintext;
    try {
      plaintext = cipher.get().decrypt(Topics.originOf(topic), value);
    } catch (KeyShreddedException | IllegalArgumentException e) {
      throw new RecordDecryptionException(
          "cannot decrypt a value of " + topic + ": " + e.getMessage(), e);
    }
    String subject = subjectOf(key);
    if (!plaintext.subject().equals(subject)) {
      throw new RecordDecryptionException(
          "a value of "
              + topic
              + " keyed "
              + subject
              + " was encrypted under the key of "
              + plaintext.subject());
    }
    return plaintext.bytes();
  }

  /** {@link #open(String, Object, byte[])} of a consumed record's value. */
  public byte[] open(ConsumerRecord<?, byte[]> record) {
    return open(record.topic(), record.key(), record.value());
  }

  /**
   * A producer of byte values that seals them (the producer itself when not enabled).
   *
   * @param props producer settings without serializers
   */
  public <K> Producer<K, byte[]> producer(Map<String, Object> props, Serializer<K> keys) {
    return enabled()
        ? new SealingProducer<>(props, keys, this)
        : new KafkaProducer<>(props, keys, new ByteArraySerializer());
  }

  /** The clients of a Streams app: its producers seal, its consumers open. */
  public KafkaClientSupplier streamsClients() {
    return new EncryptingClientSupplier(this);
  }

  /** The record key as the data keys know it: a string key, or the UTF-8 of a serialized one. */
  private static String subjectOf(Object key) {
    if (key == null) {
      return "";
    }
    return key instanceof byte[]
        ? new String((byte[]) key, StandardCharsets.UTF_8)
        : key.toString();
  }
}
