package dev.tradeflow.app.compliance;

import dev.tradeflow.app.issuance.ScreeningRequest;
import dev.tradeflow.app.issuance.ScreeningResult;
import dev.tradeflow.app.json.JsonSerde;
import dev.tradeflow.compliance.sanctions.SanctionsScreener;
import dev.tradeflow.compliance.screening.ComplianceRules;
import dev.tradeflow.compliance.screening.ComplianceScreener;
import dev.tradeflow.compliance.screening.ScreeningReport;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.Topics;
import dev.tradeflow.runtime.consumer.ReliableConsumer;
import dev.tradeflow.runtime.consumer.ReliableConsumerSettings;
import dev.tradeflow.runtime.tracing.KafkaTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screens each request on {@code tf.aml.screening-requests} and writes the result to {@code
 * tf.aml.screening-results}, acknowledged before the request's offset is committed (a crash between
 * the two screens again: the saga and the cases take a repeated result as a repeat). A request it
 * cannot read is parked in the request topic's dead-letter topic. The sanctions list is re-read
 * every minute if its files changed. The documents of presentations are registered in {@code
 * tf.aml.document-register}, so that one presented under a second credit is found whichever
 * instance screens it.
 */
public final class ComplianceService implements AutoCloseable {

  public static final String GROUP_ID = "tradeflow-compliance";

  /** How long a document's claim may take to be written to the register and read back. */
  private static final Duration REGISTER_TIMEOUT = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(ComplianceService.class);

  private final ReliableConsumer<String, ScreeningRequest> consumer;
  private final Producer<String, byte[]> producer;
  private final ScheduledExecutorService reloader;
  private final KafkaDocumentRegister documents;

  private ComplianceService(
      ReliableConsumer<String, ScreeningRequest> consumer,
      Producer<String, byte[]> producer,
      ScheduledExecutorService reloader,
      KafkaDocumentRegister documents) {
    this.consumer = consumer;
    this.producer = producer;
    this.reloader = reloader;
    this.documents = documents;
  }

  /**
   * Starts screening with {@code sanctions} and {@code rules}, documents registered in {@code
   * tf.aml.document-register}.
   *
   * @param reloadList re-reads the sanctions list if its files changed (every minute)
   */
  public static ComplianceService start(
      KafkaClients clients,
      SanctionsScreener sanctions,
      ComplianceRules rules,
      Runnable reloadList,
      MeterRegistry meters,
      KafkaTracing tracing,
      Clock clock) {
    KafkaDocumentRegister documents = KafkaDocumentRegister.open(clients, REGISTER_TIMEOUT, clock);
    ComplianceScreener screener = new ComplianceScreener(sanctions, rules, documents);
    Producer<String, byte[]> producer =
        clients.encryption().producer(clients.producerProps(), new StringSerializer());
    Timer screening = Timer.builder("tradeflow.compliance.screening").register(meters);
    JsonSerde<ScreeningResult> results = JsonSerde.of(ScreeningResult.class);
    ScheduledExecutorService reloader =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "sanctions-list-reloader"));
    try {
      reloader.scheduleWithFixedDelay(
          () -> {
            try {
              reloadList.run();
            } catch (RuntimeException e) {
              LOG.error("the sanctions list changed but cannot be read; the old one stays", e);
            }
          },
          1,
          1,
          TimeUnit.MINUTES);
      ReliableConsumer<String, ScreeningRequest> consumer =
          ReliableConsumer.start(
              clients,
              ReliableConsumerSettings.of(GROUP_ID, List.of(Topics.AML_SCREENING_REQUESTS)),
              new StringDeserializer(),
              JsonSerde.of(ScreeningRequest.class).deserializer(),
              (ConsumerRecord<String, ScreeningRequest> record) -> {
                ScreeningRequest request = record.value();
                ScreeningReport report =
                    screening.record(() -> screener.screen(TradeScreening.of(request)));
                ScreeningResult result = TradeScreening.resultOf(request, report, clock.instant());
                LOG.info(
                    "screened {}{} (saga {}, attempt {}): {} with {} findings",
                    request.lcId(),
                    request
                        .presentation()
                        .map(p -> " presentation " + p)
                        .or(() -> request.amendment().map(a -> " amendment " + a))
                        .orElse(""),
                    request.sagaId(),
                    request.attempt(),
                    result.outcome(),
                    result.findings().size());
                send(
                    producer,
                    new ProducerRecord<>(
                        Topics.AML_SCREENING_RESULTS,
                        record.key(),
                        results.serializer().serialize(Topics.AML_SCREENING_RESULTS, result)));
              },
              meters,
              tracing);
      return new ComplianceService(consumer, producer, reloader, documents);
    } catch (RuntimeException e) {
      reloader.shutdownNow();
      producer.close();
      documents.close();
      throw e;
    }
  }

  private static void send(Producer<String, byte[]> producer, ProducerRecord<String, byte[]> record)
      throws ExecutionException, InterruptedException {
    producer.send(record).get();
  }

  public boolean isRunning() {
    return consumer.isRunning();
  }

  @Override
  public void close() {
    reloader.shutdownNow();
    consumer.close();
    producer.close();
    documents.close();
  }
}
