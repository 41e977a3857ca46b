package dev.tradeflow.app.bench;

import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.consumer.ReliableConsumer;
import dev.tradeflow.runtime.consumer.ReliableConsumerSettings;
import dev.tradeflow.runtime.tracing.KafkaTracing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The same work consumed two ways: the seed's pattern, a synchronous commit after every message,
 * and the {@link ReliableConsumer}'s, a synchronous commit after every polled batch. Each reads a
 * topic filled beforehand and does the same small work per record (a CRC of the value); the rate is
 * timed from its first record to its last.
 */
public final class ConsumerCommits {

  /** Records per second of one strategy. */
  public record Result(String strategy, long records, Duration elapsed) {
    public double perSecond() {
      return records / (elapsed.toNanos() / 1e9);
    }
  }

  private static final Duration WAIT = Duration.ofMinutes(10);

  private final KafkaClients clients;

  public ConsumerCommits(KafkaClients clients) {
    this.clients = clients;
  }

  /**
   * Fills {@code topic} with {@code records} records of 200 bytes over 1,000 keys, then consumes
   * {@code perMessageRecords} of them committing each, and all of them committing per batch.
   */
  public List<Result> compare(String topic, long records, long perMessageRecords)
      throws InterruptedException {
    fill(topic, records);
    return List.of(
        commitEachMessage(topic, Math.min(records, perMessageRecords)),
        commitEachBatch(topic, records));
  }

  private void fill(String topic, long records) {
    byte[] value = new byte[200];
    ThreadLocalRandom.current().nextBytes(value);
    // Measured here: an idempotent producer sending 200,000 records as fast as it could got stuck
    // resending sequence 0 (OUT_OF_ORDER_SEQUENCE_NUMBER) for minutes. The filling is not what is
    // measured, so it uses a plain acks=1 producer.
    Map<String, Object> props = new HashMap<>(clients.producerProps());
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    props.put(ProducerConfig.ACKS_CONFIG, "1");
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      for (long i = 0; i < records; i++) {
        producer.send(new ProducerRecord<>(topic, "LC-" + (i % 1000), value));
      }
      producer.flush();
    }
  }

  private Result commitEachMessage(String topic, long records) {
    AtomicLong checksum = new AtomicLong();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            clients.consumerProps("tradeflow-bench-each-message-" + UUID.randomUUID()),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long count = 0;
      long first = 0;
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (count < records && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          if (count == 0) {
            first = System.nanoTime();
          }
          work(record, checksum);
          consumer.commitSync(
              Map.of(
                  new TopicPartition(record.topic(), record.partition()),
                  new OffsetAndMetadata(record.offset() + 1)));
          if (++count == records) {
            break;
          }
        }
      }
      return new Result(
          "commit after every message", count, Duration.ofNanos(System.nanoTime() - first));
    }
  }

  private Result commitEachBatch(String topic, long records) throws InterruptedException {
    AtomicLong checksum = new AtomicLong();
    AtomicLong count = new AtomicLong();
    AtomicLong first = new AtomicLong();
    AtomicLong last = new AtomicLong();
    ReliableConsumer<String, byte[]> consumer =
        ReliableConsumer.start(
            clients,
            ReliableConsumerSettings.of(
                "tradeflow-bench-each-batch-" + UUID.randomUUID(), List.of(topic)),
            new StringDeserializer(),
            new ByteArrayDeserializer(),
            record -> {
              if (count.get() == 0) {
                first.set(System.nanoTime());
              }
              work(record, checksum);
              count.incrementAndGet();
              last.set(System.nanoTime());
            },
            new SimpleMeterRegistry(),
            new KafkaTracing(OpenTelemetry.noop()));
    try {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (count.get() < records && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    } finally {
      consumer.close();
    }
    return new Result(
        "commit after every batch (ReliableConsumer)",
        count.get(),
        Duration.ofNanos(last.get() - first.get()));
  }

  private static void work(ConsumerRecord<String, byte[]> record, AtomicLong checksum) {
    CRC32 crc = new CRC32();
    crc.update(record.value());
    checksum.addAndGet(crc.getValue());
  }
}
