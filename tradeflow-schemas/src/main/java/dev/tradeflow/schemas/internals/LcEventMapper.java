package dev.tradeflow.schemas.internals;

import static dev.tradeflow.schemas.internals.SharedTypesMapper.toAvro;
import static dev.tradeflow.schemas.internals.SharedTypesMapper.toDomain;

import dev.tradeflow.domain.event.EventHash;
import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.domain.lc.AmendmentId;
import dev.tradeflow.domain.lc.LcEvent;
import dev.tradeflow.domain.lc.PresentationId;
import dev.tradeflow.schemas.avro.EventEnvelope;
import dev.tradeflow.schemas.avro.lc.AmendmentAccepted;
import dev.tradeflow.schemas.avro.lc.AmendmentRejected;
import dev.tradeflow.schemas.avro.lc.AmendmentRequested;
import dev.tradeflow.schemas.avro.lc.ApplicationApproved;
import dev.tradeflow.schemas.avro.lc.ApplicationRejected;
import dev.tradeflow.schemas.avro.lc.CreditAdvised;
import dev.tradeflow.schemas.avro.lc.CreditApplied;
import dev.tradeflow.schemas.avro.lc.CreditCancelled;
import dev.tradeflow.schemas.avro.lc.CreditClosed;
import dev.tradeflow.schemas.avro.lc.CreditConfirmed;
import dev.tradeflow.schemas.avro.lc.CreditExpired;
import dev.tradeflow.schemas.avro.lc.CreditIssued;
import dev.tradeflow.schemas.avro.lc.DiscrepanciesWaived;
import dev.tradeflow.schemas.avro.lc.DocumentsPresented;
import dev.tradeflow.schemas.avro.lc.DocumentsRefused;
import dev.tradeflow.schemas.avro.lc.ExaminationRecorded;
import dev.tradeflow.schemas.avro.lc.HonourReimbursed;
import dev.tradeflow.schemas.avro.lc.LegalHoldPlaced;
import dev.tradeflow.schemas.avro.lc.LegalHoldReleased;
import dev.tradeflow.schemas.avro.lc.PresentationHonoured;
import dev.tradeflow.schemas.avro.lc.WaiverSought;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Maps recorded letter-of-credit events to their generated Avro records and back, losslessly: a
 * mapped-back event is equal to the original and carries the same hash. Domain events are spelt
 * {@code LcEvent.X}, the generated records plain {@code X}.
 */
public final class LcEventMapper {

  private static final List<EventMapping<?, ?>> MAPPINGS =
      List.of(
          mapping(
              LcEvent.CreditApplied.class,
              CreditApplied.class,
              CreditApplied.getClassSchema(),
              CreditApplied::getEnvelope,
              (envelope, e) ->
                  CreditApplied.newBuilder()
                      .setEnvelope(envelope)
                      .setTerms(toAvro(e.terms()))
                      .setAppliedOn(e.appliedOn())
                      .build(),
              a -> new LcEvent.CreditApplied(toDomain(a.getTerms()), a.getAppliedOn())),
          mapping(
              LcEvent.ApplicationApproved.class,
              ApplicationApproved.class,
              ApplicationApproved.getClassSchema(),
              ApplicationApproved::getEnvelope,
              (envelope, e) ->
                  ApplicationApproved.newBuilder()
                      .setEnvelope(envelope)
                      .setApprover(e.approver())
                      .setApprovedOn(e.approvedOn())
                      .build(),
              a -> new LcEvent.ApplicationApproved(a.getApprover(), a.getApprovedOn())),
          mapping(
              LcEvent.ApplicationRejected.class,
              ApplicationRejected.class,
              ApplicationRejected.getClassSchema(),
              ApplicationRejected::getEnvelope,
              (envelope, e) ->
                  ApplicationRejected.newBuilder()
                      .setEnvelope(envelope)
                      .setReason(e.reason())
                      .setRejectedOn(e.rejectedOn())
                      .build(),
              a -> new LcEvent.ApplicationRejected(a.getReason(), a.getRejectedOn())),
          mapping(
              LcEvent.CreditIssued.class,
              CreditIssued.class,
              CreditIssued.getClassSchema(),
              CreditIssued::getEnvelope,
              (envelope, e) ->
                  CreditIssued.newBuilder()
                      .setEnvelope(envelope)
                      .setIssuedOn(e.issuedOn())
                      .setEffectiveExpiryDate(e.effectiveExpiryDate())
                      .build(),
              a -> new LcEvent.CreditIssued(a.getIssuedOn(), a.getEffectiveExpiryDate())),
          mapping(
              LcEvent.CreditAdvised.class,
              CreditAdvised.class,
              CreditAdvised.getClassSchema(),
              CreditAdvised::getEnvelope,
              (envelope, e) ->
                  CreditAdvised.newBuilder()
                      .setEnvelope(envelope)
                      .setAdvisingBank(toAvro(e.advisingBank()))
                      .setAdvisedOn(e.advisedOn())
                      .build(),
              a -> new LcEvent.CreditAdvised(toDomain(a.getAdvisingBank()), a.getAdvisedOn())),
          mapping(
              LcEvent.CreditConfirmed.class,
              CreditConfirmed.class,
              CreditConfirmed.getClassSchema(),
              CreditConfirmed::getEnvelope,
              (envelope, e) ->
                  CreditConfirmed.newBuilder()
                      .setEnvelope(envelope)
                      .setConfirmingBank(toAvro(e.confirmingBank()))
                      .setConfirmedOn(e.confirmedOn())
                      .build(),
              a ->
                  new LcEvent.CreditConfirmed(toDomain(a.getConfirmingBank()), a.getConfirmedOn())),
          mapping(
              LcEvent.AmendmentRequested.class,
              AmendmentRequested.class,
              AmendmentRequested.getClassSchema(),
              AmendmentRequested::getEnvelope,
              (envelope, e) ->
                  AmendmentRequested.newBuilder()
                      .setEnvelope(envelope)
                      .setAmendmentId(value(e.amendmentId()))
                      .setChanges(toAvro(e.changes()))
                      .setRequestedOn(e.requestedOn())
                      .build(),
              a ->
                  new LcEvent.AmendmentRequested(
                      new AmendmentId(a.getAmendmentId()),
                      toDomain(a.getChanges()),
                      a.getRequestedOn())),
          mapping(
              LcEvent.AmendmentAccepted.class,
              AmendmentAccepted.class,
              AmendmentAccepted.getClassSchema(),
              AmendmentAccepted::getEnvelope,
              (envelope, e) ->
                  AmendmentAccepted.newBuilder()
                      .setEnvelope(envelope)
                      .setAmendmentId(value(e.amendmentId()))
                      .setAcceptedOn(e.acceptedOn())
                      .setEffectiveExpiryDate(e.effectiveExpiryDate())
                      .build(),
              a ->
                  new LcEvent.AmendmentAccepted(
                      new AmendmentId(a.getAmendmentId()),
                      a.getAcceptedOn(),
                      a.getEffectiveExpiryDate())),
          mapping(
              LcEvent.AmendmentRejected.class,
              AmendmentRejected.class,
              AmendmentRejected.getClassSchema(),
              AmendmentRejected::getEnvelope,
              (envelope, e) ->
                  AmendmentRejected.newBuilder()
                      .setEnvelope(envelope)
                      .setAmendmentId(value(e.amendmentId()))
                      .setReason(e.reason())
                      .setRejectedOn(e.rejectedOn())
                      .build(),
              a ->
                  new LcEvent.AmendmentRejected(
                      new AmendmentId(a.getAmendmentId()), a.getReason(), a.getRejectedOn())),
          mapping(
              LcEvent.DocumentsPresented.class,
              DocumentsPresented.class,
              DocumentsPresented.getClassSchema(),
              DocumentsPresented::getEnvelope,
              (envelope, e) ->
                  DocumentsPresented.newBuilder()
                      .setEnvelope(envelope)
                      .setPresentationId(value(e.presentationId()))
                      .setAmount(toAvro(e.amount()))
                      .setShipmentDate(e.shipmentDate())
                      .setPresentedOn(e.presentedOn())
                      .setQuantity(e.quantity())
                      .setExaminationDeadline(e.examinationDeadline())
                      .setParticulars(toAvro(e.particulars()))
                      .build(),
              a ->
                  new LcEvent.DocumentsPresented(
                      new PresentationId(a.getPresentationId()),
                      toDomain(a.getAmount()),
                      a.getShipmentDate(),
                      a.getPresentedOn(),
                      a.getQuantity(),
                      a.getExaminationDeadline(),
                      toDomain(a.getParticulars()))),
          mapping(
              LcEvent.ExaminationRecorded.class,
              ExaminationRecorded.class,
              ExaminationRecorded.getClassSchema(),
              ExaminationRecorded::getEnvelope,
              (envelope, e) ->
                  ExaminationRecorded.newBuilder()
                      .setEnvelope(envelope)
                      .setPresentationId(value(e.presentationId()))
                      .setExaminedOn(e.examinedOn())
                      .setDiscrepancies(toAvro(e.discrepancies()))
                      .build(),
              a ->
                  new LcEvent.ExaminationRecorded(
                      new PresentationId(a.getPresentationId()),
                      a.getExaminedOn(),
                      toDomain(a.getDiscrepancies()))),
          mapping(
              LcEvent.WaiverSought.class,
              WaiverSought.class,
              WaiverSought.getClassSchema(),
              WaiverSought::getEnvelope,
              (envelope, e) ->
                  WaiverSought.newBuilder()
                      .setEnvelope(envelope)
                      .setPresentationId(value(e.presentationId()))
                      .setSoughtOn(e.soughtOn())
                      .build(),
              a ->
                  new LcEvent.WaiverSought(
                      new PresentationId(a.getPresentationId()), a.getSoughtOn())),
          mapping(
              LcEvent.DiscrepanciesWaived.class,
              DiscrepanciesWaived.class,
              DiscrepanciesWaived.getClassSchema(),
              DiscrepanciesWaived::getEnvelope,
              (envelope, e) ->
                  DiscrepanciesWaived.newBuilder()
                      .setEnvelope(envelope)
                      .setPresentationId(value(e.presentationId()))
                      .setWaivedOn(e.waivedOn())
                      .build(),
              a ->
                  new LcEvent.DiscrepanciesWaived(
                      new PresentationId(a.getPresentationId()), a.getWaivedOn())),
          mapping(
              LcEvent.DocumentsRefused.class,
              DocumentsRefused.class,
              DocumentsRefused.getClassSchema(),
              DocumentsRefused::getEnvelope,
              (envelope, e) ->
                  DocumentsRefused.newBuilder()
                      .setEnvelope(envelope)
                      .setPresentationId(value(e.presentationId()))
                      .setRefusedOn(e.refusedOn())
                      .setDiscrepancies(toAvro(e.discrepancies()))
                      .setDisposal(toAvro(e.disposal()))
                      .build(),
              a ->
                  new LcEvent.DocumentsRefused(
                      new PresentationId(a.getPresentationId()),
                      a.getRefusedOn(),
                      toDomain(a.getDiscrepancies()),
                      toDomain(a.getDisposal()))),
          mapping(
              LcEvent.PresentationHonoured.class,
              PresentationHonoured.class,
              PresentationHonoured.getClassSchema(),
              PresentationHonoured::getEnvelope,
              (envelope, e) ->
                  PresentationHonoured.newBuilder()
                      .setEnvelope(envelope)
                      .setPresentationId(value(e.presentationId()))
                      .setHonouredOn(e.honouredOn())
                      .setMode(toAvro(e.mode()))
                      .setAmount(toAvro(e.amount()))
                      .setMaturityDate(e.maturityDate())
                      .build(),
              a ->
                  new LcEvent.PresentationHonoured(
                      new PresentationId(a.getPresentationId()),
                      a.getHonouredOn(),
                      toDomain(a.getMode()),
                      toDomain(a.getAmount()),
                      a.getMaturityDate())),
          mapping(
              LcEvent.HonourReimbursed.class,
              HonourReimbursed.class,
              HonourReimbursed.getClassSchema(),
              HonourReimbursed::getEnvelope,
              (envelope, e) ->
                  HonourReimbursed.newBuilder()
                      .setEnvelope(envelope)
                      .setPresentationId(value(e.presentationId()))
                      .setReimbursedOn(e.reimbursedOn())
                      .setAmount(toAvro(e.amount()))
                      .build(),
              a ->
                  new LcEvent.HonourReimbursed(
                      new PresentationId(a.getPresentationId()),
                      a.getReimbursedOn(),
                      toDomain(a.getAmount()))),
          mapping(
              LcEvent.CreditClosed.class,
              CreditClosed.class,
              CreditClosed.getClassSchema(),
              CreditClosed::getEnvelope,
              (envelope, e) ->
                  CreditClosed.newBuilder().setEnvelope(envelope).setClosedOn(e.closedOn()).build(),
              a -> new LcEvent.CreditClosed(a.getClosedOn())),
          mapping(
              LcEvent.CreditCancelled.class,
              CreditCancelled.class,
              CreditCancelled.getClassSchema(),
              CreditCancelled::getEnvelope,
              (envelope, e) ->
                  CreditCancelled.newBuilder()
                      .setEnvelope(envelope)
                      .setReason(e.reason())
                      .setCancelledOn(e.cancelledOn())
                      .build(),
              a -> new LcEvent.CreditCancelled(a.getReason(), a.getCancelledOn())),
          mapping(
              LcEvent.CreditExpired.class,
              CreditExpired.class,
              CreditExpired.getClassSchema(),
              CreditExpired::getEnvelope,
              (envelope, e) ->
                  CreditExpired.newBuilder()
                      .setEnvelope(envelope)
                      .setExpiredOn(e.expiredOn())
                      .build(),
              a -> new LcEvent.CreditExpired(a.getExpiredOn())),
          mapping(
              LcEvent.LegalHoldPlaced.class,
              LegalHoldPlaced.class,
              LegalHoldPlaced.getClassSchema(),
              LegalHoldPlaced::getEnvelope,
              (envelope, e) ->
                  LegalHoldPlaced.newBuilder()
                      .setEnvelope(envelope)
                      .setHoldId(e.holdId())
                      .setReason(e.reason())
                      .setPlacedOn(e.placedOn())
                      .build(),
              a -> new LcEvent.LegalHoldPlaced(a.getHoldId(), a.getReason(), a.getPlacedOn())),
          mapping(
              LcEvent.LegalHoldReleased.class,
              LegalHoldReleased.class,
              LegalHoldReleased.getClassSchema(),
              LegalHoldReleased::getEnvelope,
              (envelope, e) ->
                  LegalHoldReleased.newBuilder()
                      .setEnvelope(envelope)
                      .setHoldId(e.holdId())
                      .setReason(e.reason())
                      .setReleasedOn(e.releasedOn())
                      .build(),
              a -> new LcEvent.LegalHoldReleased(a.getHoldId(), a.getReason(), a.getReleasedOn())));

  private static final Map<Class<? extends LcEvent>, EventMapping<?, ?>> BY_EVENT_TYPE =
      index(MAPPINGS, EventMapping::eventType);

  private static final Map<Class<? extends SpecificRecordBase>, EventMapping<?, ?>> BY_RECORD_TYPE =
      index(MAPPINGS, EventMapping::recordType);

  private LcEventMapper() {}

  /** The event types that have a schema, in the order of the credit's lifecycle. */
  public static List<Class<? extends LcEvent>> eventTypes() {
    return List.copyOf(BY_EVENT_TYPE.keySet());
  }

  /** The schema of the Avro record an event type is written as. */
  public static Schema schemaOf(Class<? extends LcEvent> eventType) {
    return mappingOf(eventType).schema();
  }

  /** The generated class of the Avro record an event type is written as. */
  public static Class<? extends SpecificRecordBase> recordTypeOf(
      Class<? extends LcEvent> eventType) {
    return mappingOf(eventType).recordType();
  }

  /**
   * The Avro record of an event: its envelope then its payload.
   *
   * @throws org.apache.avro.AvroRuntimeException when a required value is missing
   */
  public static SpecificRecordBase toRecord(RecordedEvent<? extends LcEvent> event) {
    LcEvent payload = event.payload();
    return mappingOf(payload.getClass()).recordOf(envelopeOf(event), payload);
  }

  /**
   * The recorded event an Avro record holds.
   *
   * @throws IllegalArgumentException when the record is not a valid event: a value the domain
   *     refuses, or an envelope whose event type is not the record's
   */
  public static RecordedEvent<LcEvent> toRecordedEvent(SpecificRecordBase record) {
    EventMapping<?, ?> mapping = BY_RECORD_TYPE.get(record.getClass());
    if (mapping == null) {
      throw new IllegalArgumentException("not an LC event record: " + record.getClass());
    }
    EventEnvelope envelope = mapping.envelopeOf(record);
    LcEvent payload = mapping.eventOf(record);
    if (!payload.eventType().equals(envelope.getEventType())) {
      throw new IllegalArgumentException(
          "the envelope says eventType "
              + envelope.getEventType()
              + " but the record is a "
              + record.getSchema().getFullName());
    }
    return new RecordedEvent<>(
        envelope.getEventId(),
        envelope.getAggregateId(),
        envelope.getAggregateVersion(),
        envelope.getOccurredAt(),
        envelope.getCausationId(),
        envelope.getCorrelationId(),
        envelope.getActor(),
        new EventHash(envelope.getPrevHash()),
        new EventHash(envelope.getHash()),
        payload);
  }

  private static EventEnvelope envelopeOf(RecordedEvent<? extends LcEvent> event) {
    return EventEnvelope.newBuilder()
        .setEventId(event.eventId())
        .setAggregateId(event.aggregateId())
        .setAggregateVersion(event.aggregateVersion())
        .setEventType(event.eventType())
        .setOccurredAt(event.occurredAt())
        .setCausationId(event.causationId())
        .setCorrelationId(event.correlationId())
        .setActor(event.actor())
        .setPrevHash(event.prevHash().hex())
        .setHash(event.hash().hex())
        .build();
  }

  private static EventMapping<?, ?> mappingOf(Class<?> eventType) {
    EventMapping<?, ?> mapping = BY_EVENT_TYPE.get(eventType);
    if (mapping == null) {
      throw new IllegalArgumentException("no Avro schema for " + eventType.getName());
    }
    return mapping;
  }

  private static String value(AmendmentId id) {
    return id == null ? null : id.value();
  }

  private static String value(PresentationId id) {
    return id == null ? null : id.value();
  }

  private static <K> Map<K, EventMapping<?, ?>> index(
      List<EventMapping<?, ?>> mappings, Function<EventMapping<?, ?>, K> key) {
    Map<K, EventMapping<?, ?>> index = new LinkedHashMap<>();
    for (EventMapping<?, ?> mapping : mappings) {
      if (index.put(key.apply(mapping), mapping) != null) {
        throw new IllegalStateException("mapped twice: " + key.apply(mapping));
      }
    }
    return index;
  }

  private static <E extends LcEvent, R extends SpecificRecordBase> EventMapping<E, R> mapping(
      Class<E> eventType,
      Class<R> recordType,
      Schema schema,
      Function<R, EventEnvelope> envelopeField,
      BiFunction<EventEnvelope, E, R> toRecord,
      Function<R, E> toEvent) {
    return new EventMapping<>(eventType, recordType, schema, envelopeField, toRecord, toEvent);
  }

  /** How one event type maps to its generated record and back. */
  private record EventMapping<E extends LcEvent, R extends SpecificRecordBase>(
      Class<E> eventType,
      Class<R> recordType,
      Schema schema,
      Function<R, EventEnvelope> envelopeField,
      BiFunction<EventEnvelope, E, R> toRecord,
      Function<R, E> toEvent) {

    R recordOf(EventEnvelope envelope, LcEvent payload) {
      return toRecord.apply(envelope, eventType.cast(payload));
    }

    EventEnvelope envelopeOf(SpecificRecordBase record) {
      return envelopeField.apply(recordType.cast(record));
    }

    E eventOf(SpecificRecordBase record) {
      return toEvent.apply(recordType.cast(record));
    }
  }
}
