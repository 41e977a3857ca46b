package dev.tradeflow.app.issuance;

import dev.tradeflow.app.command.CommandEnvelope;
import dev.tradeflow.app.command.CommandResult;
import dev.tradeflow.app.json.Json;
import dev.tradeflow.app.json.JsonSerde;
import dev.tradeflow.app.processor.CommandProcessor;
import dev.tradeflow.app.processor.DeadLetterSink;
import dev.tradeflow.domain.credit.CreditFacility;
import dev.tradeflow.domain.credit.FacilityCommand;
import dev.tradeflow.domain.credit.FacilityDecision;
import dev.tradeflow.domain.credit.FacilityEvent;
import dev.tradeflow.domain.credit.FacilityState;
import dev.tradeflow.domain.credit.ReservationId;
import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.domain.issuance.IssuanceSaga;
import dev.tradeflow.domain.issuance.PresentationClearance;
import dev.tradeflow.domain.issuance.SagaAction;
import dev.tradeflow.domain.issuance.SagaId;
import dev.tradeflow.domain.issuance.SagaInput;
import dev.tradeflow.domain.issuance.SagaPolicy;
import dev.tradeflow.domain.issuance.SagaState;
import dev.tradeflow.domain.issuance.SagaTransition;
import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.LcEvent;
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.lc.Rejection;
import dev.tradeflow.domain.review.CaseCommand;
import dev.tradeflow.domain.review.CaseEvent;
import dev.tradeflow.domain.review.CaseId;
import dev.tradeflow.domain.review.CaseState;
import dev.tradeflow.domain.review.ReviewCase;
import dev.tradeflow.runtime.Topics;
import dev.tradeflow.runtime.crypto.RecordDecryptionException;
import dev.tradeflow.runtime.crypto.RecordEncryption;
import dev.tradeflow.runtime.crypto.SealedStores;
import dev.tradeflow.runtime.dlq.DeadLetterHeaders;
import dev.tradeflow.schemas.EventSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuance saga and the two aggregates it works with, added to the command processor's Streams
 * application (exactly-once, state in stores backed by changelogs):
 *
 * <ul>
 *   <li>the saga, keyed by LC id, hears the credit's events, the screening results, the review
 *       cases' events, the credit results, the checkers' approvals, the amendments applied for and
 *       the documents presented, and sends screening requests, facility commands and LC commands; a
 *       wall-clock punctuator moves sagas whose step is past its deadline;
 *   <li>the review cases, keyed by LC id too: a case is opened per finding of a screening result,
 *       decided by compliance officers' commands, and withdrawn by the saga once it no longer waits
 *       for it;
 *   <li>the credit facilities, keyed by facility id: reservations, consumptions and releases.
 * </ul>
 *
 * A record a processor cannot read is parked in its topic's dead-letter topic.
 */
public final class IssuanceTopology {

  public static final String SAGA_STORE = "issuance-sagas";

  /**
   * The sagas waiting on a deadline, keyed {@code <deadline millis, 20 digits>|<lc id>}: the
   * punctuator reads only those due, not every saga ever run.
   */
  static final String DEADLINE_STORE = "issuance-saga-deadlines";

  public static final String CASE_STORE = "review-cases";
  public static final String FACILITY_STORE = "credit-facilities";

  /** Who the saga's commands are from, in the credit's history. */
  public static final String SAGA_ACTOR = "tradeflow:issuance-saga";

  private static final String SAGA = "issuance-saga";
  private static final String CASES = "review-cases";
  private static final String FACILITIES = "credit-facilities";
  private static final String TO_SCREENING = "to-screening-requests";
  private static final String TO_CREDIT = "to-credit-requests";
  private static final String TO_LC = "to-lc-commands";
  private static final String TO_CASE_COMMANDS = "to-case-commands";
  private static final String TO_CASE_EVENTS = "to-case-events";
  private static final String TO_CREDIT_EVENTS = "to-credit-events";
  private static final String TO_CREDIT_RESULTS = "to-credit-results";

  private static final Logger LOG = LoggerFactory.getLogger(IssuanceTopology.class);

  private IssuanceTopology() {}

  public static void addTo(
      Topology topology,
      EventSerde eventSerde,
      SagaPolicy policy,
      Duration tickInterval,
      RecordEncryption encryption) {
    List<String> sagaSources =
        List.of(
            Topics.LC_EVENTS,
            Topics.LC_COMMAND_RESULTS,
            Topics.AML_SCREENING_RESULTS,
            Topics.AML_CASE_EVENTS,
            Topics.CREDIT_RESULTS,
            Topics.SAGA_APPROVALS,
            Topics.SAGA_AMENDMENTS,
            Topics.SAGA_PRESENTATIONS);
    for (String topic : sagaSources) {
      source(topology, topic);
    }
    source(topology, Topics.AML_CASE_COMMANDS);
    source(topology, Topics.CREDIT_REQUESTS);

    topology.addProcessor(
        SAGA,
        () -> new SagaProcessor(eventSerde, policy, tickInterval),
        sagaSources.stream().map(IssuanceTopology::sourceName).toArray(String[]::new));
    topology.addProcessor(
        CASES,
        CaseProcessor::new,
        sourceName(Topics.AML_SCREENING_RESULTS),
        sourceName(Topics.AML_CASE_COMMANDS));
    topology.addProcessor(FACILITIES, FacilityProcessor::new, sourceName(Topics.CREDIT_REQUESTS));

    // Sealed under the credit's (a facility's) data key when encryption is on: a shred reaches
    // them too. The deadlines hold only credit ids and times.
    topology.addStateStore(
        SealedStores.keyValueStore(
            SAGA_STORE, JsonSerde.of(SagaState.class), CommandProcessor::creditOf, encryption),
        SAGA);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(DEADLINE_STORE), Serdes.String(), Serdes.String()),
        SAGA);
    topology.addStateStore(
        SealedStores.keyValueStore(
            CASE_STORE, JsonSerde.of(CaseView.class), CommandProcessor::creditOf, encryption),
        CASES);
    topology.addStateStore(
        SealedStores.keyValueStore(
            FACILITY_STORE, JsonSerde.of(FacilityState.class), facility -> facility, encryption),
        FACILITIES);

    sink(topology, TO_SCREENING, Topics.AML_SCREENING_REQUESTS, SAGA);
    sink(topology, TO_CREDIT, Topics.CREDIT_REQUESTS, SAGA);
    sink(topology, TO_LC, Topics.LC_COMMANDS, SAGA);
    sink(topology, TO_CASE_COMMANDS, Topics.AML_CASE_COMMANDS, SAGA);
    sink(topology, TO_CASE_EVENTS, Topics.AML_CASE_EVENTS, CASES);
    sink(topology, TO_CREDIT_EVENTS, Topics.CREDIT_EVENTS, FACILITIES);
    sink(topology, TO_CREDIT_RESULTS, Topics.CREDIT_RESULTS, FACILITIES);
    for (String topic : Topics.issuanceInputs()) {
      List<String> parents = new ArrayList<>();
      if (sagaSources.contains(topic)) {
        parents.add(SAGA);
      }
      if (topic.equals(Topics.AML_CASE_COMMANDS)) {
        parents.add(CASES);
      }
      if (topic.equals(Topics.CREDIT_REQUESTS)) {
        parents.add(FACILITIES);
      }
      sink(topology, dlqSink(topic), Topics.dlqOf(topic), parents.toArray(String[]::new));
    }
  }

  private static void source(Topology topology, String topic) {
    topology.addSource(
        sourceName(topic),
        Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer(),
        topic);
  }

  private static void sink(Topology topology, String name, String topic, String... parents) {
    topology.addSink(
        name, topic, Serdes.String().serializer(), Serdes.ByteArray().serializer(), parents);
  }

  private static String sourceName(String topic) {
    return "from-" + topic;
  }

  private static String dlqSink(String topic) {
    return "park-" + topic;
  }

  private static <T> T read(Class<T> type, Record<String, byte[]> record, String topic) {
    if (record.key() == null || record.value() == null) {
      throw new IllegalArgumentException("a record on " + topic + " has a key and a value");
    }
    T value = JsonSerde.of(type).deserializer().deserialize(topic, record.value());
    if (value == null) {
      throw new IllegalArgumentException("a record on " + topic + " has a value");
    }
    return value;
  }

  private abstract static class Base implements Processor<String, byte[], String, byte[]> {
    ProcessorContext<String, byte[]> context;

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
      this.context = context;
    }

    @Override
    public final void process(Record<String, byte[]> record) {
      String topic = context.recordMetadata().map(m -> m.topic()).orElse("?");
      try {
        handle(topic, record);
      } catch (RuntimeException e) {
        // One bad record must not stop the Streams application, which also runs the command
        // processor: it is parked with the reason, or, on a topic parked elsewhere, skipped.
        if (Topics.issuanceInputs().contains(topic) && parks(topic)) {
          LOG.warn("parking a record of {} with key {}: {}", topic, record.key(), e.toString());
          DeadLetterSink.park(
              context,
              record,
              e,
              e instanceof org.apache.kafka.common.errors.SerializationException
                  ? DeadLetterHeaders.REASON_DESERIALIZATION
                  : DeadLetterHeaders.REASON_NON_RETRYABLE,
              dlqSink(topic));
        } else {
          LOG.error("skipping a record of {} with key {}", topic, record.key(), e);
        }
      }
    }

    /** Whether this processor parks the topic's bad records (each topic is parked by one). */
    boolean parks(String topic) {
      return true;
    }

    abstract void handle(String topic, Record<String, byte[]> record);

    Instant now() {
      return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }

    void send(String sink, String key, Object value) {
      context.forward(new Record<>(key, Json.toBytes(value), context.currentSystemTimeMs()), sink);
    }
  }

  /** The saga: one per LC, started by the application, moved by everything it hears. */
  private static final class SagaProcessor extends Base {
    private final EventSerde eventSerde;
    private final SagaPolicy policy;
    private final Duration tickInterval;
    private KeyValueStore<String, SagaState> sagas;
    private KeyValueStore<String, String> deadlines;

    SagaProcessor(EventSerde eventSerde, SagaPolicy policy, Duration tickInterval) {
      this.eventSerde = eventSerde;
      this.policy = policy;
      this.tickInterval = tickInterval;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
      super.init(context);
      sagas = context.getStateStore(SAGA_STORE);
      deadlines = context.getStateStore(DEADLINE_STORE);
      context.schedule(tickInterval, PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    @Override
    void handle(String topic, Record<String, byte[]> record) {
      Instant at = Instant.ofEpochMilli(record.timestamp());
      String lcId = record.key();
      if (topic.equals(Topics.LC_EVENTS)) {
        onLcEvent(record, at);
        return;
      }
      if (topic.equals(Topics.SAGA_AMENDMENTS) || topic.equals(Topics.SAGA_PRESENTATIONS)) {
        onHeldCommand(topic, record.key(), read(CommandEnvelope.class, record, topic), at);
        return;
      }
      if (topic.equals(Topics.LC_COMMAND_RESULTS)) {
        CommandResult result;
        try {
          result = read(CommandResult.class, record, topic);
        } catch (RuntimeException e) {
          // The processor's own output, kept a day and parked nowhere: nothing to act on.
          LOG.warn("the saga skips an unreadable command result of {}: {}", lcId, e.toString());
          return;
        }
        onCommandResult(result, at);
        return;
      }
      Optional<SagaInput> input = Optional.empty();
      SagaId sagaId;
      if (topic.equals(Topics.AML_SCREENING_RESULTS)) {
        ScreeningResult result = read(ScreeningResult.class, record, topic);
        sagaId = result.sagaId();
        String summary =
            result.findings().isEmpty()
                ? "no findings (list " + result.listSha256().substring(0, 12) + ")"
                : result.findings().size()
                    + " findings (list "
                    + result.listSha256().substring(0, 12)
                    + ")";
        input =
            Optional.of(
                result.presentation().isPresent()
                    ? new SagaInput.PresentationScreened(
                        result.presentation().get(),
                        result.outcome(),
                        result.caseIds(),
                        summary,
                        result.screenedAt())
                    : new SagaInput.ScreeningCompleted(
                        result.amendment(),
                        result.outcome(),
                        result.caseIds(),
                        summary,
                        result.screenedAt()));
      } else if (topic.equals(Topics.AML_CASE_EVENTS)) {
        CaseRecord caseRecord = read(CaseRecord.class, record, topic);
        sagaId = null;
        if (caseRecord.event() instanceof CaseEvent.CaseCleared cleared) {
          input =
              Optional.of(
                  new SagaInput.CaseDecided(caseRecord.caseId(), true, cleared.reason(), at));
        } else if (caseRecord.event() instanceof CaseEvent.HitConfirmed confirmed) {
          input =
              Optional.of(
                  new SagaInput.CaseDecided(caseRecord.caseId(), false, confirmed.reason(), at));
        }
      } else if (topic.equals(Topics.CREDIT_RESULTS)) {
        CreditResult result = read(CreditResult.class, record, topic);
        sagaId = result.sagaId();
        if (result.command().equals(FacilityCommand.ReserveCredit.class.getSimpleName())) {
          // Results written before amendments were cleared were about the credit's reservation.
          ReservationId reservation =
              result.reservation().orElseGet(() -> new ReservationId(record.key()));
          input =
              Optional.of(
                  new SagaInput.CreditAnswered(
                      reservation, result.accepted(), result.detail(), at));
        }
      } else {
        Approval approval = read(Approval.class, record, topic);
        sagaId = approval.sagaId();
        input =
            Optional.of(
                new SagaInput.ApprovalDecided(
                    approval.approver(),
                    approval.approved(),
                    approval.reason(),
                    approval.amendment(),
                    approval.at()));
      }
      if (input.isEmpty()) {
        return;
      }
      SagaState state = sagas.get(lcId);
      if (state == null || (sagaId != null && !sagaId.equals(state.id()))) {
        LOG.info("no saga {} for credit {}: {} ignored", sagaId, lcId, topic);
        return;
      }
      apply(lcId, IssuanceSaga.on(state, input.get(), policy));
    }

    private void onLcEvent(Record<String, byte[]> record, Instant at) {
      RecordedEvent<LcEvent> event;
      try {
        event = eventSerde.deserialize(Topics.LC_EVENTS, record.value());
      } catch (RuntimeException e) {
        // The projection parks undecodable events; the saga cannot act on them either.
        LOG.warn("the saga skips an undecodable event of {}: {}", record.key(), e.toString());
        return;
      }
      String lcId = record.key();
      LcEvent payload = event.payload();
      SagaState state = sagas.get(lcId);
      if (payload instanceof LcEvent.CreditApplied applied) {
        if (state == null) {
          apply(
              lcId,
              IssuanceSaga.start(
                  sagaIdOf(event),
                  new SagaInput.ApplicationSubmitted(
                      new LcId(lcId),
                      applied.terms(),
                      applied.appliedOn(),
                      event.actor(),
                      event.occurredAt()),
                  policy));
        }
        return;
      }
      if (state == null) {
        return;
      }
      SagaInput input;
      if (payload instanceof LcEvent.ApplicationApproved) {
        input = new SagaInput.LcApproved(at);
      } else if (payload instanceof LcEvent.CreditIssued) {
        input = new SagaInput.LcIssued(at);
      } else if (payload instanceof LcEvent.ApplicationRejected rejected) {
        input = new SagaInput.LcWithdrawn(rejected.reason(), at);
      } else if (payload instanceof LcEvent.AmendmentRequested requested) {
        input = new SagaInput.AmendmentIssued(requested.amendmentId(), at);
      } else if (payload instanceof LcEvent.AmendmentAccepted accepted) {
        input = new SagaInput.AmendmentAnswered(accepted.amendmentId(), true, at);
      } else if (payload instanceof LcEvent.AmendmentRejected rejected) {
        input = new SagaInput.AmendmentAnswered(rejected.amendmentId(), false, at);
      } else if (payload instanceof LcEvent.DocumentsPresented presented) {
        input =
            new SagaInput.PresentationAnswered(
                presented.presentationId(), true, "documents presented", at);
      } else if (payload instanceof LcEvent.CreditCancelled cancelled) {
        input =
            state.isIssued()
                ? new SagaInput.LcEnded("cancelled", at)
                : new SagaInput.LcWithdrawn(cancelled.reason(), at);
      } else if (payload instanceof LcEvent.CreditClosed) {
        input = new SagaInput.LcEnded("closed", at);
      } else if (payload instanceof LcEvent.CreditExpired) {
        input = new SagaInput.LcEnded("expired", at);
      } else {
        return;
      }
      apply(lcId, IssuanceSaga.on(state, input, policy));
    }

    /**
     * An amendment applied for or documents presented, as their makers sent them: cleared by the
     * credit's saga, or sent on if it has none.
     */
    private void onHeldCommand(String topic, String key, CommandEnvelope envelope, Instant at) {
      String lcId = envelope.lcId().value();
      if (!lcId.equals(key)) {
        throw new IllegalArgumentException(
            "the record key " + key + " is not the command's LC id " + lcId);
      }
      LcCommand command = envelope.command();
      boolean amendments = topic.equals(Topics.SAGA_AMENDMENTS);
      boolean expected =
          amendments
              ? command instanceof LcCommand.RequestAmendment
              : command instanceof LcCommand.PresentDocuments;
      if (!expected || envelope.refusal() != null) {
        throw new IllegalArgumentException(
            "only "
                + (amendments ? "amendments" : "presentations")
                + " are cleared here, as their makers sent them: "
                + command.type()
                + (envelope.refusal() != null ? " with a refusal" : ""));
      }
      SagaState state = sagas.get(lcId);
      if (state == null) {
        // No saga issued this credit (or there is no such credit): the credit decides.
        send(TO_LC, lcId, envelope);
        return;
      }
      SagaInput input =
          amendments
              ? new SagaInput.AmendmentApplied(
                  (LcCommand.RequestAmendment) command, envelope.actor(), at)
              : new SagaInput.PresentationApplied(
                  (LcCommand.PresentDocuments) command, envelope.actor(), at);
      apply(lcId, IssuanceSaga.on(state, input, policy));
    }

    /**
     * A refusal of the command the saga last sent, or of a presentation it sent on (matched by
     * their exact ids).
     */
    private void onCommandResult(CommandResult result, Instant at) {
      SagaState state = sagas.get(result.lcId().value());
      if (state == null || result.outcome() != CommandResult.Outcome.REJECTED) {
        return;
      }
      Optional<PresentationClearance> presentation =
          state.presentations().stream()
              .filter(p -> p.status() == PresentationClearance.Status.PRESENTING)
              .filter(p -> p.command().commandId().equals(result.commandId()))
              .findFirst();
      if (presentation.isPresent()) {
        apply(
            result.lcId().value(),
            IssuanceSaga.on(
                state,
                new SagaInput.PresentationAnswered(
                    presentation.get().presentationId(),
                    false,
                    result.rejection().code() + ": " + result.rejection().detail(),
                    at),
                policy));
        return;
      }
      if (state.pending().isEmpty()
          || !state.pending().get().commandId().equals(result.commandId())) {
        return;
      }
      apply(
          result.lcId().value(),
          IssuanceSaga.on(
              state,
              new SagaInput.LcRefused(
                  result.commandType(),
                  result.rejection().code() + ": " + result.rejection().detail(),
                  at),
              policy));
    }

    /** The application's correlation id, or, if it cannot name a saga, one made from the LC id. */
    private static SagaId sagaIdOf(RecordedEvent<LcEvent> applied) {
      try {
        return new SagaId(applied.correlationId());
      } catch (IllegalArgumentException e) {
        return new SagaId("issuance-" + applied.aggregateId());
      }
    }

    private void tick(long wallClockMs) {
      Instant now = Instant.ofEpochMilli(wallClockMs);
      List<KeyValue<String, String>> due = new ArrayList<>();
      try (KeyValueIterator<String, String> it =
          deadlines.range(deadlineKey(0, ""), deadlineKey(wallClockMs, "\uffff"))) {
        it.forEachRemaining(due::add);
      }
      for (KeyValue<String, String> deadline : due) {
        String lcId = deadline.value;
        try {
          SagaState state = sagas.get(lcId);
          if (state != null) {
            apply(lcId, IssuanceSaga.on(state, new SagaInput.Tick(now), policy));
          }
        } catch (RecordDecryptionException e) {
          if (!e.shredded()) {
            LOG.error("saga of {} could not be read at its deadline", lcId, e);
            continue;
          }
          // Its state is sealed under a destroyed key (crypto-shredding): it can never move on.
          LOG.warn("saga of {} was shredded, its deadline is dropped: {}", lcId, e.getMessage());
          deadlines.delete(deadline.key);
        } catch (RuntimeException e) {
          LOG.error("saga of {} could not be moved on at its deadline", lcId, e);
        }
      }
    }

    private static String deadlineKey(long millis, String lcId) {
      return String.format(java.util.Locale.ROOT, "%020d|%s", millis, lcId);
    }

    private void apply(String lcId, SagaTransition transition) {
      transition
          .refusal()
          .ifPresent(
              reason -> LOG.warn("saga {} refused an input: {}", transition.state().id(), reason));
      SagaState previous = sagas.get(lcId);
      SagaState next = transition.state();
      if (previous != null && previous.nextDeadline().isPresent()) {
        deadlines.delete(deadlineKey(previous.nextDeadline().get().toEpochMilli(), lcId));
      }
      if (next.nextDeadline().isPresent()) {
        deadlines.put(deadlineKey(next.nextDeadline().get().toEpochMilli(), lcId), lcId);
      }
      sagas.put(lcId, next);
      for (SagaAction action : transition.actions()) {
        perform(lcId, transition.state(), action);
      }
    }

    private void perform(String lcId, SagaState state, SagaAction action) {
      if (action instanceof SagaAction.RequestScreening screening) {
        send(
            TO_SCREENING,
            lcId,
            new ScreeningRequest(
                state.id(),
                screening.lcId(),
                screening.amendment(),
                screening.attempt(),
                screening.terms(),
                screening.amountOrBeneficiaryAmendments(),
                Optional.empty(),
                null));
      } else if (action instanceof SagaAction.ScreenPresentation screening) {
        send(
            TO_SCREENING,
            lcId,
            new ScreeningRequest(
                state.id(),
                screening.lcId(),
                Optional.empty(),
                screening.attempt(),
                state.currentTerms(),
                0,
                Optional.of(screening.presentation()),
                screening.particulars()));
      } else if (action instanceof SagaAction.ReserveCredit reserve) {
        credit(
            state,
            reserve.facility().value(),
            new FacilityCommand.ReserveCredit(
                reserve.reservation(), reserve.lcId(), reserve.amount()));
      } else if (action instanceof SagaAction.ConsumeCredit consume) {
        credit(
            state,
            consume.facility().value(),
            new FacilityCommand.ConsumeReservation(consume.reservation()));
      } else if (action instanceof SagaAction.ReleaseCredit release) {
        credit(
            state,
            release.facility().value(),
            new FacilityCommand.ReleaseReservation(release.reservation(), release.reason()));
      } else if (action instanceof SagaAction.WithdrawCases withdraw) {
        for (CaseId caseId : withdraw.cases()) {
          send(
              TO_CASE_COMMANDS,
              lcId,
              new CaseCommandRecord(caseId, new CaseCommand.WithdrawCase(withdraw.reason())));
        }
      } else if (action instanceof SagaAction.ForwardCommand forward) {
        toCredit(state, forward.command(), forward.maker(), null);
      } else if (action instanceof SagaAction.RefuseCommand refuse) {
        toCredit(state, refuse.command(), refuse.maker(), refuse.rejection());
      } else {
        toCredit(state, ((SagaAction.SendToCredit) action).command(), SAGA_ACTOR, null);
      }
    }

    /** A command for the saga's credit, in its flow; {@code refusal} decides it (or null). */
    private void toCredit(SagaState state, LcCommand command, String actor, Rejection refusal) {
      send(
          TO_LC,
          state.lcId().value(),
          new CommandEnvelope(state.lcId(), command, actor, state.id().value(), now(), refusal));
    }

    private void credit(SagaState state, String facility, FacilityCommand command) {
      send(
          TO_CREDIT,
          facility,
          new CreditRequest(
              state.facility(),
              command,
              Optional.of(state.id()),
              Optional.of(state.lcId()),
              SAGA_ACTOR));
    }
  }

  /** Review cases: opened per finding of a screening result, decided by compliance officers. */
  private static final class CaseProcessor extends Base {
    private KeyValueStore<String, CaseView> cases;

    @Override
    boolean parks(String topic) {
      // The saga reads the same results and parks an unreadable one: once is enough.
      return !topic.equals(Topics.AML_SCREENING_RESULTS);
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
      super.init(context);
      cases = context.getStateStore(CASE_STORE);
    }

    @Override
    void handle(String topic, Record<String, byte[]> record) {
      Instant at = now();
      if (topic.equals(Topics.AML_SCREENING_RESULTS)) {
        ScreeningResult result = read(ScreeningResult.class, record, topic);
        List<CaseId> ids = result.caseIds();
        for (int i = 0; i < ids.size(); i++) {
          if (cases.get(ids.get(i).value()) == null) {
            decide(
                record.key(),
                ids.get(i),
                new CaseCommand.OpenCase(
                    result.sagaId().value(), result.lcId(), List.of(result.findings().get(i))),
                at);
          }
        }
        return;
      }
      CaseCommandRecord command = read(CaseCommandRecord.class, record, topic);
      decide(record.key(), command.caseId(), command.command(), at);
    }

    private void decide(String lcId, CaseId caseId, CaseCommand command, Instant at) {
      CaseView view = cases.get(caseId.value());
      Optional<CaseState> state = Optional.ofNullable(view).map(CaseView::state);
      ReviewCase.Outcome outcome = ReviewCase.decide(state, command);
      if (outcome.refusal().isPresent()) {
        LOG.warn(
            "case {}: {} refused: {}",
            caseId,
            command.getClass().getSimpleName(),
            outcome.refusal().get());
        return;
      }
      List<CaseRecord> history = new ArrayList<>(view == null ? List.of() : view.history());
      for (CaseEvent event : outcome.events()) {
        state = Optional.of(ReviewCase.evolve(state, event));
        CaseRecord caseRecord = new CaseRecord(caseId, event, at);
        history.add(caseRecord);
        send(TO_CASE_EVENTS, lcId, caseRecord);
      }
      cases.put(caseId.value(), new CaseView(caseId, state.orElseThrow(), history));
    }
  }

  /** Credit facilities: the saga's reservations and the officers' limits. */
  private static final class FacilityProcessor extends Base {
    private KeyValueStore<String, FacilityState> facilities;

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
      super.init(context);
      facilities = context.getStateStore(FACILITY_STORE);
    }

    @Override
    void handle(String topic, Record<String, byte[]> record) {
      CreditRequest request = read(CreditRequest.class, record, topic);
      if (!request.facility().value().equals(record.key())) {
        throw new IllegalArgumentException(
            "the record key " + record.key() + " is not the request's facility id");
      }
      Optional<FacilityState> state = Optional.ofNullable(facilities.get(record.key()));
      FacilityDecision decision = CreditFacility.decide(state, request.command());
      Instant at = now();
      for (FacilityEvent event : decision.events()) {
        state = Optional.of(CreditFacility.evolve(state, event));
        send(
            TO_CREDIT_EVENTS,
            record.key(),
            new FacilityRecord(request.facility(), event, request.actor(), at));
      }
      state.ifPresent(s -> facilities.put(record.key(), s));
      if (request.sagaId().isPresent() && request.lcId().isPresent()) {
        String detail =
            decision
                .refusal()
                .map(r -> r.code() + ": " + r.detail())
                .orElseGet(
                    () ->
                        request.command().getClass().getSimpleName()
                            + " done on "
                            + request.facility()
                            + "; available "
                            + facilities.get(record.key()).available());
        send(
            TO_CREDIT_RESULTS,
            request.lcId().get().value(),
            new CreditResult(
                request.sagaId().get(),
                request.command().getClass().getSimpleName(),
                request.command() instanceof FacilityCommand.ReserveCredit reserve
                    ? Optional.of(reserve.reservation())
                    : Optional.empty(),
                decision.isAccepted(),
                detail,
                decision.refusal()));
      } else {
        decision
            .refusal()
            .ifPresent(
                r -> LOG.warn("facility {}: {} refused: {}", record.key(), request.command(), r));
      }
    }
  }
}
