package dev.tradeflow.domain.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Why and when events are recorded: the command that caused them, the business flow they belong to,
 * who asked, and the time. {@code occurredAt} is kept to the millisecond, the precision of the log,
 * so a stored event hashes the same once read back.
 */
public record EventContext(
    String causationId, String correlationId, String actor, Instant occurredAt) {

  public EventContext {
    Objects.requireNonNull(causationId, "causationId");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(actor, "actor");
    occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
  }
}
