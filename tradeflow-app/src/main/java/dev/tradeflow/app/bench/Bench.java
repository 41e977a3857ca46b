package dev.tradeflow.app.bench;

import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.Topics;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The end-to-end benchmark against a running command processor: commit latency at a fixed offered
 * rate (command produced → its event visible to a {@code read_committed} consumer, timed from the
 * moment the command was due so a stall is not hidden), throughput of N concurrent writers at
 * saturation, and the raw Kafka exactly-once ceiling measured by the same harness.
 */
public final class Bench {

  /** Carries the moment a command was due, in {@code System.nanoTime()} terms, to its event. */
  static final String SENT_HEADER = "tf-bench-due-ns";

  private final KafkaClients clients;

  public Bench(KafkaClients clients) {
    this.clients = clients;
  }

  /** Latency percentiles in milliseconds and the rate actually achieved. */
  public record Latency(
      double p50, double p95, double p99, double max, long samples, double rate) {}

  /** Records per second from the first send to the last output committed. */
  public record Throughput(long records, Duration elapsed, int writers) {
    public double perSecond() {
      return records / (elapsed.toNanos() / 1e9);
    }
  }

  /**
   * Offers commands at {@code rate} per second: first for {@code warmup} (JIT, caches, the first
   * transactions), then, once that backlog has drained, for {@code measure}, which alone is
   * recorded. Each latency is timed from the moment its command was due.
   */
  public Latency commitLatency(int rate, Duration warmup, Duration measure)
      throws InterruptedException {
    CommandLoad load = new CommandLoad("LAT-" + shortId());
    Histogram histogram = new Histogram(60_000_000_000L, 3);
    long warmupCount = warmup.toMillis() * rate / 1000;
    long measuredCount = measure.toMillis() * rate / 1000;
    try (OutputWatcher watcher = OutputWatcher.start(clients, Topics.LC_EVENTS);
        Producer<String, byte[]> producer =
            clients
                .encryption()
                .producer(clients.interactiveProducerProps(), new StringSerializer())) {
      watcher.onRecord =
          record -> {
            Header due = record.headers().lastHeader(SENT_HEADER);
            if (due != null) {
              ByteBuffer value = ByteBuffer.wrap(due.value());
              long n = value.getLong();
              long dueNanos = value.getLong();
              if (n >= warmupCount) {
                histogram.recordValue(Math.max(0, System.nanoTime() - dueNanos));
              }
            }
          };
      offer(producer, load, 0, warmupCount, rate);
      watcher.awaitCount(warmupCount, Duration.ofMinutes(2));
      double achieved = offer(producer, load, warmupCount, warmupCount + measuredCount, rate);
      watcher.awaitCount(warmupCount + measuredCount, Duration.ofMinutes(2));
      return new Latency(
          histogram.getValueAtPercentile(50) / 1e6,
          histogram.getValueAtPercentile(95) / 1e6,
          histogram.getValueAtPercentile(99) / 1e6,
          histogram.getMaxValue() / 1e6,
          histogram.getTotalCount(),
          achieved);
    }
  }

  /** Sends commands {@code from..to-1} on a fixed schedule; returns the rate achieved. */
  private static double offer(
      Producer<String, byte[]> producer, CommandLoad load, long from, long to, int rate) {
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime();
    for (long n = from; n < to; n++) {
      long due = start + (n - from) * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(Topics.LC_COMMANDS, load.lcId(n), load.command(n));
      record.headers().add(SENT_HEADER, ByteBuffer.allocate(16).putLong(n).putLong(due).array());
      producer.send(record);
    }
    return (to - from) / ((System.nanoTime() - start) / 1e9);
  }

  /** {@code writers} threads send {@code records} commands as fast as they can. */
  public Throughput commandThroughput(long records, int writers) throws InterruptedException {
    CommandLoad load = new CommandLoad("THR-" + shortId());
    return saturate(
        Topics.LC_COMMANDS, Topics.LC_EVENTS, records, writers, load::lcId, load::command);
  }

  /**
   * The same load through a bare exactly-once consume-transform-produce loop (read_committed
   * consumer, transactional producer, offsets sent in the transaction) with no domain logic.
   */
  public Throughput rawExactlyOnceCeiling(
      String inputTopic, String outputTopic, long records, int writers)
      throws InterruptedException {
    CommandLoad load = new CommandLoad("RAW-" + shortId());
    try (PassThrough passThrough = PassThrough.start(clients, inputTopic, outputTopic)) {
      return saturate(inputTopic, outputTopic, records, writers, load::lcId, load::command);
    }
  }

  private Throughput saturate(
      String input,
      String output,
      long records,
      int writers,
      LongFunction<String> keys,
      LongFunction<byte[]> values)
      throws InterruptedException {
    try (OutputWatcher watcher = OutputWatcher.start(clients, output)) {
      List<Thread> threads = new ArrayList<>();
      AtomicLong next = new AtomicLong();
      long start = System.nanoTime();
      for (int w = 0; w < writers; w++) {
        Thread writer =
            new Thread(
                () -> {
                  // A credit's commands, claimed together, go through one producer in order.
                  try (Producer<String, byte[]> producer = producer()) {
                    for (long first = next.getAndAdd(CommandLoad.STEPS);
                        first < records;
                        first = next.getAndAdd(CommandLoad.STEPS)) {
                      for (long n = first; n < Math.min(first + CommandLoad.STEPS, records); n++) {
                        producer.send(new ProducerRecord<>(input, keys.apply(n), values.apply(n)));
                      }
                    }
                  }
                },
                "bench-writer-" + w);
        writer.start();
        threads.add(writer);
      }
      for (Thread writer : threads) {
        writer.join();
      }
      watcher.awaitCount(records, Duration.ofMinutes(5));
      return new Throughput(records, Duration.ofNanos(watcher.lastSeenNanos() - start), writers);
    }
  }

  /** A client's producer: in the secure profile it encrypts commands as the API's does. */
  private Producer<String, byte[]> producer() {
    return clients.encryption().producer(clients.producerProps(), new StringSerializer());
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** Counts what becomes visible on a topic to a read_committed consumer, from now on. */
  private static final class OutputWatcher implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final AtomicLong seen = new AtomicLong();
    private volatile long lastSeenNanos;
    private volatile boolean running = true;
    volatile java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> onRecord = r -> {};

    private OutputWatcher(KafkaConsumer<byte[], byte[]> consumer) {
      this.consumer = consumer;
      this.thread = new Thread(this::run, "bench-watcher");
    }

    static OutputWatcher start(KafkaClients clients, String topic) {
      Map<String, Object> props =
          new HashMap<>(clients.consumerProps("tradeflow-bench-" + shortId()));
      props.put("max.poll.records", 5000);
      KafkaConsumer<byte[], byte[]> consumer =
          new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      OutputWatcher watcher = new OutputWatcher(consumer);
      watcher.thread.start();
      return watcher;
    }

    private void run() {
      while (running) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(50));
        if (!records.isEmpty()) {
          records.forEach(record -> onRecord.accept(record));
          lastSeenNanos = System.nanoTime();
          seen.addAndGet(records.count());
        }
      }
    }

    void awaitCount(long count, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (seen.get() < count) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "only " + seen.get() + " of " + count + " outputs arrived within " + timeout);
        }
        Thread.sleep(5);
      }
    }

    long lastSeenNanos() {
      return lastSeenNanos;
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      thread.join(5_000);
      consumer.close();
    }
  }

  /** A bare exactly-once consume-transform-produce loop. */
  private static final class PassThrough implements AutoCloseable {
    private final Thread thread;
    private final java.util.concurrent.CountDownLatch positioned =
        new java.util.concurrent.CountDownLatch(1);
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    private PassThrough(KafkaClients clients, String input, String output) {
      this.thread =
          new Thread(
              () -> {
                try {
                  loop(clients, input, output);
                } catch (RuntimeException e) {
                  failure = e;
                } finally {
                  positioned.countDown();
                }
              },
              "bench-passthrough");
    }

    static PassThrough start(KafkaClients clients, String input, String output)
        throws InterruptedException {
      PassThrough passThrough = new PassThrough(clients, input, output);
      passThrough.thread.start();
      passThrough.positioned.await();
      if (passThrough.failure != null) {
        throw passThrough.failure;
      }
      return passThrough;
    }

    private void loop(KafkaClients clients, String input, String output) {
      String group = "tradeflow-bench-raw-" + shortId();
      Map<String, Object> consumerProps = new HashMap<>(clients.consumerProps(group));
      consumerProps.put("auto.offset.reset", "latest");
      consumerProps.put("max.poll.records", 5000);
      try (KafkaConsumer<byte[], byte[]> consumer =
              new KafkaConsumer<>(
                  consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
          KafkaProducer<byte[], byte[]> producer =
              new KafkaProducer<>(
                  clients.transactionalProducerProps("tradeflow-bench-raw-" + shortId()),
                  new ByteArraySerializer(),
                  new ByteArraySerializer())) {
        producer.initTransactions();
        List<TopicPartition> partitions =
            consumer.partitionsFor(input).stream()
                .map(p -> new TopicPartition(input, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        positioned.countDown();
        while (running) {
          ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(20));
          if (records.isEmpty()) {
            continue;
          }
          producer.beginTransaction();
          Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
          for (ConsumerRecord<byte[], byte[]> record : records) {
            producer.send(new ProducerRecord<>(output, record.key(), record.value()));
            offsets.put(
                new TopicPartition(record.topic(), record.partition()),
                new OffsetAndMetadata(record.offset() + 1));
          }
          producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
          producer.commitTransaction();
        }
      }
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      thread.join(10_000);
      if (failure != null) {
        throw failure;
      }
    }
  }
}
