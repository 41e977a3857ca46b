package dev.tradeflow.app.api;

import dev.tradeflow.domain.event.EventHash;
import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.domain.lc.LcEvent;
import java.time.Instant;
import java.util.UUID;

/** An event in an LC's history as the API shows it: the envelope, hashes and the payload. */
record EventView(
    UUID eventId,
    String eventType,
    long aggregateVersion,
    Instant occurredAt,
    String causationId,
    String correlationId,
    String actor,
    EventHash prevHash,
    EventHash hash,
    LcEvent payload) {

  static EventView of(RecordedEvent<LcEvent> event) {
    return new EventView(
        event.eventId(),
        event.eventType(),
        event.aggregateVersion(),
        event.occurredAt(),
        event.causationId(),
        event.correlationId(),
        event.actor(),
        event.prevHash(),
        event.hash(),
        event.payload());
  }
}
