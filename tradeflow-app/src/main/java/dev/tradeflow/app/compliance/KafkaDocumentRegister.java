package dev.tradeflow.app.compliance;

import dev.tradeflow.app.json.JsonSerde;
import dev.tradeflow.compliance.screening.DocumentReference;
import dev.tradeflow.compliance.screening.DocumentRegister;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.TopicReader;
import dev.tradeflow.runtime.Topics;
import dev.tradeflow.runtime.consumer.TransientFailure;
import dev.tradeflow.runtime.crypto.RecordEncryption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The register of trade documents as the topic {@code tf.aml.document-register}: a document is
 * claimed for a credit by appending a claim keyed by the document, and it belongs to the credit of
 * its first claim in its partition. Every instance of the compliance service reads the same log, so
 * two of them screening one bill of lading for two credits at once agree on which came first, and a
 * restart loses nothing. An answer never rests on a claim not yet in the log: a document seen for
 * the first time here is claimed, and its partition read past that claim, before the answer is
 * given. Claims of a document already known here are not appended again: its first claim cannot
 * change.
 */
public final class KafkaDocumentRegister implements DocumentRegister, AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(100);
  private static final Logger LOG = LoggerFactory.getLogger(KafkaDocumentRegister.class);

  /** One claim as stored: the document, the credit it was screened under, and when. */
  public record DocumentClaim(DocumentReference document, String reference, Instant claimedAt) {
    public DocumentClaim {
      Objects.requireNonNull(document, "document");
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(claimedAt, "claimedAt");
    }
  }

  /** The register could not be written or read in time: worth trying the screening again. */
  public static final class RegisterUnavailable extends RuntimeException
      implements TransientFailure {
    RegisterUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Producer<String, byte[]> producer;
  private final KafkaConsumer<String, byte[]> reader;
  private final RecordEncryption encryption;
  private final JsonSerde<DocumentClaim> claims = JsonSerde.of(DocumentClaim.class);
  private final Map<DocumentReference, String> firstClaims = new HashMap<>();
  private final Duration timeout;
  private final Clock clock;

  private KafkaDocumentRegister(
      Producer<String, byte[]> producer,
      KafkaConsumer<String, byte[]> reader,
      RecordEncryption encryption,
      Duration timeout,
      Clock clock) {
    this.producer = producer;
    this.reader = reader;
    this.encryption = encryption;
    this.timeout = timeout;
    this.clock = clock;
  }

  /**
   * A register over {@code tf.aml.document-register}, which must exist; each partition is read from
   * its start the first time a document of it is claimed.
   *
   * @param timeout how long a claim may take to be written and read back
   */
  public static KafkaDocumentRegister open(KafkaClients clients, Duration timeout, Clock clock) {
    List<TopicPartition> partitions =
        TopicReader.partitionsOf(clients, List.of(Topics.AML_DOCUMENT_REGISTER), timeout);
    if (partitions.isEmpty()) {
      throw new IllegalStateException(
          Topics.AML_DOCUMENT_REGISTER + " does not exist: the service creates it at start-up");
    }
    RecordEncryption encryption = clients.encryption();
    Producer<String, byte[]> producer =
        encryption.producer(clients.interactiveProducerProps(), new StringSerializer());
    KafkaConsumer<String, byte[]> reader =
        new KafkaConsumer<>(
            clients.readerProps(), new StringDeserializer(), new ByteArrayDeserializer());
    reader.assign(partitions);
    reader.seekToBeginning(partitions);
    return new KafkaDocumentRegister(producer, reader, encryption, timeout, clock);
  }

  @Override
  public synchronized Optional<String> recordAndFindOther(
      DocumentReference document, String reference) {
    String first = firstClaims.get(document);
    if (first == null) {
      RecordMetadata claimed = claim(document, reference);
      readPast(new TopicPartition(claimed.topic(), claimed.partition()), claimed.offset());
      first = firstClaims.get(document);
      if (first == null) {
        throw new IllegalStateException("the claim of " + document + " was not read back");
      }
    }
    return Optional.of(first).filter(other -> !other.equals(reference));
  }

  private RecordMetadata claim(DocumentReference document, String reference) {
    byte[] value =
        claims
            .serializer()
            .serialize(
                Topics.AML_DOCUMENT_REGISTER,
                new DocumentClaim(document, reference, clock.instant()));
    try {
      return producer
          .send(new ProducerRecord<>(Topics.AML_DOCUMENT_REGISTER, key(document), value))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegisterUnavailable("interrupted while claiming " + document, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new RegisterUnavailable("could not claim " + document + " in the register", e);
    }
  }

  /** Applies claims in log order until {@code partition} is read past {@code offset}. */
  private void readPast(TopicPartition partition, long offset) {
    Instant deadline = clock.instant().plus(timeout);
    try {
      while (reader.position(partition) <= offset) {
        if (clock.instant().isAfter(deadline)) {
          throw new RegisterUnavailable(
              "could not read " + partition + " to the claim at offset " + offset, null);
        }
        for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
          apply(record);
        }
      }
    } catch (KafkaException e) {
      throw new RegisterUnavailable("could not read the document register", e);
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    DocumentClaim claim;
    try {
      claim = claims.deserializer().deserialize(record.topic(), encryption.open(record));
    } catch (RuntimeException e) {
      // Only this class writes the register; a record it cannot read claims nothing, and must
      // not stop every later screening.
      LOG.error(
          "skipping an unreadable claim at {}-{}@{}",
          record.topic(),
          record.partition(),
          record.offset(),
          e);
      return;
    }
    if (claim != null) {
      firstClaims.putIfAbsent(claim.document(), claim.reference());
    }
  }

  /** {@code BILL_OF_LADING|MAERSK A/S|MAEU1}: every claim of a document in one partition. */
  private static String key(DocumentReference document) {
    return document.kind() + "|" + document.issuer() + "|" + document.number();
  }

  @Override
  public synchronized void close() {
    producer.close();
    reader.close();
  }
}
