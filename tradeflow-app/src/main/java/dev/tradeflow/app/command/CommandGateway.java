package dev.tradeflow.app.command;

import dev.tradeflow.app.json.Json;
import dev.tradeflow.app.json.JsonSerde;
import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.Topics;
import dev.tradeflow.runtime.crypto.RecordEncryption;
import dev.tradeflow.runtime.tracing.KafkaTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
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

  private final KafkaTracing tracing;
  private final RecordEncryption encryption;
  private final Producer<String, byte[]> producer;
  private final KafkaConsumer<String, byte[]> consumer;
  private final JsonSerde<CommandResult> results = JsonSerde.of(CommandResult.class);
  private final Map<String, CompletableFuture<CommandResult>> pending = new ConcurrentHashMap<>();
  private final Thread listener;
  private final CountDownLatch listening = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile RuntimeException failure;

  /**
   * @param groupId the results listener's group: its own, since every instance hears every outcome
   */
  public CommandGateway(KafkaClients clients, String groupId, KafkaTracing tracing) {
    this.tracing = tracing;
    this.encryption = clients.encryption();
    Producer<String, byte[]> newProducer =
        encryption.producer(clients.interactiveProducerProps(), new StringSerializer());
    KafkaConsumer<String, byte[]> newConsumer;
    try {
      newConsumer =
          new KafkaConsumer<>(
              clients.consumerProps(groupId),
              new StringDeserializer(),
              new ByteArrayDeserializer());
    } catch (RuntimeException e) {
      newProducer.close(Duration.ZERO);
      throw e;
    }
    this.producer = newProducer;
    this.consumer = newConsumer;
    this.listener = new Thread(this::listen, "command-results-listener");
    listener.setDaemon(true);
    listener.start();
    boolean started;
    try {
      started = listening.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while starting", e);
    }
    if (!started || failure != null) {
      close();
      throw new IllegalStateException(
          "the command-results listener did not start"
              + (failure == null ? " in 30 s" : ": " + failure.getMessage()),
          failure);
    }
  }

  /**
   * Sends a command; the future completes with its outcome once committed, or fails when the
   * command could not be sent or outcomes can no longer be heard (then the outcome is unknown). The
   * send is traced as a child of the current span, and the record carries that trace on.
   */
  public CompletableFuture<CommandResult> submit(CommandEnvelope envelope) {
    return submit(envelope, Topics.LC_COMMANDS);
  }

  /**
   * Sends an amendment or a presentation to the issuance saga, which clears it before it sends it
   * on to the credit under the same command id (or refuses it under that id): the future completes
   * as for {@link #submit}.
   */
  public CompletableFuture<CommandResult> submitForClearance(CommandEnvelope envelope) {
    return submit(
        envelope,
        envelope.command() instanceof LcCommand.PresentDocuments
            ? Topics.SAGA_PRESENTATIONS
            : Topics.SAGA_AMENDMENTS);
  }

  private CompletableFuture<CommandResult> submit(CommandEnvelope envelope, String topic) {
    if (failure != null) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("the command-results listener stopped", failure));
    }
    String key = pendingKey(envelope.lcId().value(), envelope.command().commandId().value());
    CompletableFuture<CommandResult> outcome =
        pending.computeIfAbsent(key, k -> new CompletableFuture<>());
    Span publish = tracing.startPublish(Context.current(), topic, envelope.lcId().value());
    try {
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(topic, envelope.lcId().value(), Json.toBytes(envelope));
      tracing.inject(Context.current().with(publish), record.headers());
      producer.send(
          record,
          (metadata, error) -> {
            if (error != null) {
              failed(publish, error);
              pending.remove(key, outcome);
              outcome.completeExceptionally(error);
            } else {
              publish.setAttribute(KafkaTracing.PARTITION, (long) metadata.partition());
              publish.setAttribute(KafkaTracing.OFFSET, metadata.offset());
            }
            publish.end();
          });
    } catch (RuntimeException e) {
      failed(publish, e);
      publish.end();
      pending.remove(key, outcome);
      outcome.completeExceptionally(e);
    }
    return outcome;
  }

  /** Stops waiting for an outcome (the caller timed out); a late outcome is then dropped. */
  public void forget(CommandEnvelope envelope) {
    pending.remove(pendingKey(envelope.lcId().value(), envelope.command().commandId().value()));
  }

  /** Whether outcomes are still being heard; reported by the health check. */
  public boolean isListening() {
    return failure == null && listener.isAlive();
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
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          CommandResult result;
          try {
            result = results.deserializer().deserialize(record.topic(), encryption.open(record));
          } catch (RuntimeException e) {
            // Only the processor writes this topic; an unreadable outcome is logged and skipped
            // so that every other caller still gets its answer.
            LOG.error(
                "skipping an unreadable command outcome at {}-{}@{}",
                record.topic(),
                record.partition(),
                record.offset(),
                e);
            continue;
          }
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
      failure = e;
      pending.values().forEach(f -> f.completeExceptionally(e));
      pending.clear();
    } finally {
      listening.countDown();
      consumer.close();
    }
  }

  private static void failed(Span span, Throwable error) {
    span.recordException(error);
    span.setStatus(StatusCode.ERROR);
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
