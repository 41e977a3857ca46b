package dev.tradeflow.domain.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A domain event in its envelope, as it is stored in the log of record: identity, position in the
 * aggregate's history (gap-free {@code aggregateVersion} from 1), causation and correlation, and
 * the hash chain link ({@code hash} covers every other field, {@code prevHash} included).
 */
public record RecordedEvent<E extends DomainEvent>(
    UUID eventId,
    String aggregateId,
    long aggregateVersion,
    Instant occurredAt,
    String causationId,
    String correlationId,
    String actor,
    EventHash prevHash,
    EventHash hash,
    E payload) {

  public RecordedEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(causationId, "causationId");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(prevHash, "prevHash");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(payload, "payload");
    if (aggregateVersion < 1) {
      throw new IllegalArgumentException("aggregateVersion starts at 1: " + aggregateVersion);
    }
  }

  public String eventType() {
    return payload.eventType();
  }
}
