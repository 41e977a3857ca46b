package dev.tradeflow.app.processor;

import dev.tradeflow.app.command.CommandEnvelope;
import dev.tradeflow.app.command.CommandResult;
import dev.tradeflow.app.json.JsonSerde;
import dev.tradeflow.domain.calendar.BankingCalendar;
import dev.tradeflow.domain.event.ChainHead;
import dev.tradeflow.domain.event.EventContext;
import dev.tradeflow.domain.event.HashChain;
import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.domain.lc.Decision;
import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.LcEvent;
import dev.tradeflow.domain.lc.LcState;
import dev.tradeflow.domain.lc.LetterOfCredit;
import dev.tradeflow.domain.lc.Rejection;
import dev.tradeflow.domain.lc.RejectionCode;
import dev.tradeflow.runtime.Topics;
import dev.tradeflow.runtime.crypto.RecordDecryptionException;
import dev.tradeflow.runtime.crypto.RecordEncryption;
import dev.tradeflow.runtime.crypto.SealedStores;
import dev.tradeflow.runtime.dlq.DeadLetterHeaders;
import dev.tradeflow.runtime.tracing.KafkaTracing;
import dev.tradeflow.schemas.EventSerde;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command processor: one Kafka Streams task per partition of {@code tf.lc.commands} owns the
 * letters of credit keyed to it, decides each command against the aggregate in its state store, and
 * writes the events, the history and the outcome in one exactly-once transaction.
 */
public final class CommandProcessor {

  public static final String AGGREGATE_STORE = "lc-aggregates";
  public static final String HISTORY_STORE = "lc-history";
  public static final String OUTCOME_STORE = "lc-command-outcomes";

  private static final String SOURCE = "commands";
  private static final String DECIDE = "decide";
  static final String EVENTS_SINK = "events";
  static final String RESULTS_SINK = "results";
  static final String DLQ_SINK = "commands-dlq";

  private static final Logger LOG = LoggerFactory.getLogger(CommandProcessor.class);

  private CommandProcessor() {}

  /**
   * @param tracing traces each command's processing as a child of the trace its record carries, and
   *     carries that trace on in the events and results
   */
  public static Topology topology(
      BankingCalendar calendar,
      EventSerde eventSerde,
      Duration dedupRetention,
      KafkaTracing tracing,
      RecordEncryption encryption) {
    Topology topology = new Topology();
    topology.addSource(
        SOURCE,
        Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer(),
        Topics.LC_COMMANDS);
    topology.addProcessor(
        DECIDE, () -> new Decider(calendar, eventSerde, dedupRetention, tracing), SOURCE);
    // Sealed under the credit's data key when encryption is on: a shred reaches them too.
    topology.addStateStore(
        SealedStores.keyValueStore(
            AGGREGATE_STORE,
            JsonSerde.of(AggregateSnapshot.class),
            CommandProcessor::creditOf,
            encryption),
        DECIDE);
    topology.addStateStore(
        SealedStores.keyValueStore(
            HISTORY_STORE, Serdes.ByteArray(), CommandProcessor::creditOf, encryption),
        DECIDE);
    // Outcomes expire with the store's segments: a time window, not a count, so that neither a
    // busy credit nor a burst of bad commands pushes a recent command id out.
    topology.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(OUTCOME_STORE, dedupRetention, dedupRetention, false),
            Serdes.String(),
            JsonSerde.of(RememberedOutcome.class)),
        DECIDE);
    topology.addSink(
        EVENTS_SINK,
        Topics.LC_EVENTS,
        Serdes.String().serializer(),
        Serdes.ByteArray().serializer(),
        DECIDE);
    topology.addSink(
        RESULTS_SINK,
        Topics.LC_COMMAND_RESULTS,
        Serdes.String().serializer(),
        JsonSerde.of(CommandResult.class).serializer(),
        DECIDE);
    topology.addSink(
        DLQ_SINK,
        Topics.dlqOf(Topics.LC_COMMANDS),
        Serdes.String().serializer(),
        Serdes.ByteArray().serializer(),
        DECIDE);
    return topology;
  }

  /** Key of an event in the history store: the LC id, then the version, zero-padded to sort. */
  public static String historyKey(String lcId, long version) {
    String digits = Long.toString(version);
    return historyPrefix(lcId) + "0".repeat(19 - digits.length()) + digits;
  }

  public static String historyPrefix(String lcId) {
    return lcId + "/";
  }

  /**
   * The credit a store key belongs to: the key up to its first {@code /} or {@code :} (a history
   * key, a review case's id), or all of it (an LC id holds neither).
   */
  public static String creditOf(String storeKey) {
    for (int i = 0; i < storeKey.length(); i++) {
      char c = storeKey.charAt(i);
      if (c == '/' || c == ':') {
        return storeKey.substring(0, i);
      }
    }
    return storeKey;
  }

  private static final class Decider implements Processor<String, byte[], String, Object> {

    private final BankingCalendar calendar;
    private final EventSerde eventSerde;
    private final Duration dedupRetention;
    private final KafkaTracing tracing;
    private final JsonSerde<CommandEnvelope> envelopes = JsonSerde.of(CommandEnvelope.class);
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, AggregateSnapshot> aggregates;
    private KeyValueStore<String, byte[]> history;
    private WindowStore<String, RememberedOutcome> outcomes;

    Decider(
        BankingCalendar calendar,
        EventSerde eventSerde,
        Duration dedupRetention,
        KafkaTracing tracing) {
      this.tracing = tracing;
      this.calendar = calendar;
      this.eventSerde = eventSerde;
      this.dedupRetention = dedupRetention;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
      this.context = context;
      this.aggregates = context.getStateStore(AGGREGATE_STORE);
      this.history = context.getStateStore(HISTORY_STORE);
      this.outcomes = context.getStateStore(OUTCOME_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
      Span span =
          tracing.startProcess(
              tracing.extract(record.headers()),
              Topics.LC_COMMANDS,
              context.recordMetadata().map(meta -> meta.partition()).orElse(-1),
              context.recordMetadata().map(meta -> meta.offset()).orElse(-1L),
              context.applicationId(),
              record.key());
      try (Scope scope = span.makeCurrent()) {
        // Every record forwarded from here shares these headers: they now name this span as the
        // parent, so the consumers of events and results continue the command's trace.
        tracing.inject(Context.current(), record.headers());
        decideAndForward(record);
      } catch (RuntimeException e) {
        span.recordException(e);
        span.setStatus(StatusCode.ERROR);
        throw e;
      } finally {
        span.end();
      }
    }

    private void decideAndForward(Record<String, byte[]> record) {
      CommandEnvelope envelope;
      try {
        envelope = read(record);
      } catch (RuntimeException e) {
        park(record, e, DeadLetterHeaders.REASON_DESERIALIZATION);
        return;
      }
      String lcId = record.key();
      Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
      String outcomeKey = RememberedOutcome.key(lcId, envelope.command().commandId().value());
      String fingerprint = RememberedOutcome.fingerprintOf(envelope);
      Optional<RememberedOutcome> earlier = remembered(outcomeKey, now);
      if (earlier.isPresent()) {
        context.forward(
            record
                .withValue(answerToRepeat(envelope, earlier.get(), fingerprint, now))
                .withTimestamp(now.toEpochMilli()),
            RESULTS_SINK);
        return;
      }
      AggregateSnapshot snapshot;
      try {
        snapshot = aggregates.get(lcId);
      } catch (RecordDecryptionException e) {
        if (!e.shredded()) {
          throw e; // the key store or the state is broken here: the task fails, as on any I/O
        }
        // Its state is sealed under a destroyed key (crypto-shredding): gone for good, so the
        // command is refused, not parked for an operator who could do nothing with it.
        Rejection shredded =
            new Rejection(
                RejectionCode.CREDIT_SHREDDED,
                "the credit's data was destroyed: " + e.getMessage());
        context.forward(
            record
                .withValue(rejectedOutcome(envelope, null, shredded, now).result())
                .withTimestamp(now.toEpochMilli()),
            RESULTS_SINK);
        return;
      }
      Outcome outcome;
      try {
        outcome = decide(envelope, snapshot, now);
      } catch (RuntimeException e) {
        // A command the domain or the schemas cannot take (a bug, or a value out of range that
        // came past the API): nothing was written; the caller is told and the record parked.
        park(record, e, DeadLetterHeaders.REASON_NON_RETRYABLE);
        outcome =
            rejectedOutcome(
                envelope,
                snapshot,
                new Rejection(
                    RejectionCode.INVALID_COMMAND,
                    "the command could not be processed and was parked for an operator: "
                        + e.getMessage()),
                now);
      }
      for (int i = 0; i < outcome.events().size(); i++) {
        RecordedEvent<LcEvent> event = outcome.events().get(i);
        byte[] bytes = outcome.eventBytes().get(i);
        history.put(historyKey(lcId, event.aggregateVersion()), bytes);
        context.forward(
            new Record<String, Object>(
                lcId, bytes, event.occurredAt().toEpochMilli(), record.headers()),
            EVENTS_SINK);
      }
      if (outcome.snapshot() != null) {
        aggregates.put(lcId, outcome.snapshot());
      }
      outcomes.put(
          outcomeKey, new RememberedOutcome(fingerprint, outcome.result()), now.toEpochMilli());
      context.forward(
          record.withValue(outcome.result()).withTimestamp(now.toEpochMilli()), RESULTS_SINK);
    }

    private CommandEnvelope read(Record<String, byte[]> record) {
      if (record.key() == null) {
        throw new IllegalArgumentException("the command has no key: commands are keyed by LC id");
      }
      if (record.value() == null) {
        throw new IllegalArgumentException("the command record has no value");
      }
      CommandEnvelope envelope =
          envelopes.deserializer().deserialize(Topics.LC_COMMANDS, record.value());
      if (envelope == null || !envelope.lcId().value().equals(record.key())) {
        throw new IllegalArgumentException(
            "the record key " + record.key() + " is not the command's LC id");
      }
      return envelope;
    }

    /**
     * Everything a command causes, computed before anything is written, so that a failure leaves no
     * partial output: the events and their stored bytes, the next snapshot, the outcome.
     */
    private Outcome decide(CommandEnvelope envelope, AggregateSnapshot snapshot, Instant now) {
      String lcId = envelope.lcId().value();
      if (envelope.refusal() != null) {
        if (!(envelope.command() instanceof LcCommand.RequestAmendment
            || envelope.command() instanceof LcCommand.PresentDocuments)) {
          // Only the saga refuses, and only amendments and presentations: anything else is a bad
          // record.
          throw new IllegalArgumentException(
              "a refusal comes only with an amendment or a presentation, not with "
                  + envelope.command().type());
        }
        return rejectedOutcome(envelope, snapshot, envelope.refusal(), now);
      }
      Optional<LcState> state = Optional.ofNullable(snapshot).map(AggregateSnapshot::state);
      Decision decision = LetterOfCredit.decide(state, envelope.command(), calendar);
      if (decision.rejection().isPresent()) {
        return rejectedOutcome(envelope, snapshot, decision.rejection().get(), now);
      }
      ChainHead head = snapshot == null ? ChainHead.EMPTY : snapshot.head();
      EventContext eventContext =
          new EventContext(
              envelope.command().commandId().value(),
              envelope.correlationId(),
              envelope.actor(),
              now);
      List<RecordedEvent<LcEvent>> recorded =
          HashChain.append(head, lcId, decision.events(), eventContext, UUID::randomUUID);
      List<byte[]> bytes = new ArrayList<>(recorded.size());
      LcState newState = state.orElse(null);
      for (RecordedEvent<LcEvent> event : recorded) {
        newState = LetterOfCredit.evolve(Optional.ofNullable(newState), event.payload());
        bytes.add(eventSerde.serialize(Topics.LC_EVENTS, event));
      }
      CommandResult result = CommandResult.accepted(envelope, recorded, now);
      AggregateSnapshot next =
          new AggregateSnapshot(newState, ChainHead.of(recorded.get(recorded.size() - 1)));
      return new Outcome(recorded, bytes, next, result);
    }

    private Outcome rejectedOutcome(
        CommandEnvelope envelope, AggregateSnapshot snapshot, Rejection rejection, Instant now) {
      long version = snapshot == null ? 0 : snapshot.head().version();
      CommandResult result = CommandResult.rejected(envelope, version, rejection, now);
      // Nothing changes: the aggregate is not written (nor created, for an unknown LC).
      return new Outcome(List.of(), List.of(), null, result);
    }

    private Optional<RememberedOutcome> remembered(String outcomeKey, Instant now) {
      RememberedOutcome latest = null;
      try (WindowStoreIterator<RememberedOutcome> it =
          outcomes.fetch(outcomeKey, now.minus(dedupRetention), now)) {
        while (it.hasNext()) {
          latest = it.next().value;
        }
      }
      return Optional.ofNullable(latest);
    }

    /**
     * A command id seen before: the same command is answered with its first outcome; different
     * content under the same id is refused, as a client's mistake rather than a retry.
     */
    private static CommandResult answerToRepeat(
        CommandEnvelope envelope, RememberedOutcome earlier, String fingerprint, Instant now) {
      if (earlier.commandFingerprint().equals(fingerprint)) {
        return earlier.result();
      }
      return CommandResult.rejected(
          envelope,
          earlier.result().version(),
          new Rejection(
              RejectionCode.COMMAND_ID_REUSED,
              "command id "
                  + envelope.command().commandId()
                  + " was already used for a different "
                  + earlier.result().commandType()
                  + " command; a retry must resend the same command"),
          now);
    }

    /**
     * A command that cannot be read or processed goes to the dead-letter topic with the reason, in
     * the transaction that commits its offset, with the headers every dead letter carries.
     */
    private void park(Record<String, byte[]> record, RuntimeException e, String reason) {
      LOG.warn("parking the command with key {}: {}", record.key(), e.toString());
      DeadLetterSink.park(context, record, e, reason, DLQ_SINK);
    }
  }

  /** What one command produces; {@code snapshot} is null when there is nothing to store. */
  private record Outcome(
      List<RecordedEvent<LcEvent>> events,
      List<byte[]> eventBytes,
      AggregateSnapshot snapshot,
      CommandResult result) {}
}
