package dev.tradeflow.app.command;

import dev.tradeflow.app.json.Json;
import dev.tradeflow.app.processor.CommandEnvelope;
import dev.tradeflow.app.processor.CommandResult;
import dev.tradeflow.app.processor.JsonSerde;
import dev.tradeflow.runtime.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends commands to {@code tf.lc.commands} and completes each with its outcome once the command
 * processor has committed it: a listener reads {@code tf.lc.command-results} with {@code
 * read_committed}, so an outcome is only seen once its events are in the log.
 */
public final class CommandGateway implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CommandGateway.class);

  private final KafkaProducer<String, byte[]> producer;
  private final KafkaConsumer<String, CommandResult> consumer;
  private final Map<String, CompletableFuture<CommandResult>> pending = new ConcurrentHashMap<>();
  private final Thread listener;
  private final CountDownLatch listening = new CountDownLatch(1);
  private volatile boolean running = true;

  public CommandGateway(Map<String, Object> producerProps, Map<String, Object> consumerProps) {
    this.producer =
        new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
    this.consumer =
        new KafkaConsumer<>(
            consumerProps,
            new StringDeserializer(),
            JsonSerde.of(CommandResult.class).deserializer());
    this.listener = new Thread(this::listen, "command-results-listener");
    listener.setDaemon(true);
    listener.start();
    try {
      if (!listening.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the command-results listener did not start in 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting", e);
    }
  }

  /** Sends a command; the future completes with its outcome once committed. */
  public CompletableFuture<CommandResult> submit(CommandEnvelope envelope) {
    String key = pendingKey(envelope.lcId().value(), envelope.command().commandId().value());
    CompletableFuture<CommandResult> outcome =
        pending.computeIfAbsent(key, k -> new CompletableFuture<>());
    producer.send(
        new ProducerRecord<>(Topics.LC_COMMANDS, envelope.lcId().value(), Json.toBytes(envelope)),
        (metadata, error) -> {
          if (error != null) {
            pending.remove(key);
            outcome.completeExceptionally(error);
          }
        });
    return outcome;
  }

  /** Stops waiting for an outcome (the caller timed out); a late outcome is then dropped. */
  public void forget(CommandEnvelope envelope) {
    pending.remove(pendingKey(envelope.lcId().value(), envelope.command().commandId().value()));
  }

  private void listen() {
    try {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.LC_COMMAND_RESULTS, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      listening.countDown();
      while (running) {
        for (ConsumerRecord<String, CommandResult> record : consumer.poll(Duration.ofMillis(200))) {
          CommandResult result = record.value();
          CompletableFuture<CommandResult> outcome =
              pending.remove(pendingKey(result.lcId().value(), result.commandId().value()));
          if (outcome != null) {
            outcome.complete(result);
          }
        }
      }
    } catch (WakeupException e) {
      // close() wakes the poll to stop
    } catch (RuntimeException e) {
      LOG.error("the command-results listener stopped", e);
      pending.values().forEach(f -> f.completeExceptionally(e));
    } finally {
      listening.countDown();
      consumer.close();
    }
  }

  private static String pendingKey(String lcId, String commandId) {
    return lcId + "/" + commandId;
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      listener.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(10));
  }
}
