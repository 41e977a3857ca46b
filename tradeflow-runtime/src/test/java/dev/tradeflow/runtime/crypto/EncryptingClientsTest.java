package dev.tradeflow.runtime.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.runtime.ConfigLoader;
import dev.tradeflow.runtime.EmbeddedKafkaBroker;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.SharedBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code crypto.enabled}, what a Tradeflow producer writes to a {@code tf.*} topic is stored
 * encrypted, and a Streams app's consumer reads it decrypted; a value it cannot open reaches the
 * app as stored, for the app's dead-letter handling to park.
 */
@ExtendWith(SharedBroker.class)
class EncryptingClientsTest {

  @TempDir Path dir;

  @Test
  void producers_seal_and_streams_consumers_open(EmbeddedKafkaBroker broker) throws Exception {
    KafkaClients clients =
        new KafkaClients(
            ConfigLoader.load(
                Optional.empty(),
                Map.of(
                    "TRADEFLOW_DATA_DIR", dir.toString(),
                    "TRADEFLOW_CRYPTO_ENABLED", "true",
                    "TRADEFLOW_CRYPTO_KEYSTORE_PASSWORD", "test-only")),
            broker.bootstrapServers());
    String topic = "tf.test.sealed-" + UUID.randomUUID();
    try (Admin admin = Admin.create(clients.adminProps())) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    RecordEncryption encryption = clients.encryption();
    byte[] command = "{\"applicant\":\"Acme Imports\"}".getBytes(StandardCharsets.UTF_8);
    try (Producer<String, byte[]> sealing =
            encryption.producer(clients.interactiveProducerProps(), new StringSerializer());
        Producer<byte[], byte[]> raw =
            RecordEncryption.none()
                .producer(clients.interactiveProducerProps(), new ByteArraySerializer())) {
      sealing.send(new ProducerRecord<>(topic, "LC-1", command)).get();
      // Stored under LC-1 but encrypted for LC-2: not LC-1's to read.
      raw.send(
              new ProducerRecord<>(
                  topic,
                  "LC-1".getBytes(StandardCharsets.UTF_8),
                  encryption.seal(topic, "LC-2", command)))
          .get();
    }

    List<ConsumerRecord<byte[], byte[]>> stored =
        readAll(RecordEncryption.none().streamsClients().getConsumer(clients.readerProps()), topic);
    List<ConsumerRecord<byte[], byte[]>> opened =
        readAll(encryption.streamsClients().getConsumer(clients.readerProps()), topic);

    assertThat(stored).hasSize(2);
    assertThat(stored)
        .allSatisfy(
            r ->
                assertThat(new String(r.value(), StandardCharsets.ISO_8859_1))
                    .doesNotContain("Acme"));
    assertThat(opened.get(0).value()).isEqualTo(command);
    assertThat(opened.get(1).value()).isEqualTo(stored.get(1).value());
    assertThat(opened.get(0).offset()).isEqualTo(stored.get(0).offset());
  }

  private static List<ConsumerRecord<byte[], byte[]>> readAll(
      Consumer<byte[], byte[]> consumer, String topic) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (consumer) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      Instant deadline = Instant.now().plusSeconds(30);
      while (records.size() < 2 && Instant.now().isBefore(deadline)) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }
}
