package dev.tradeflow.app.command;

import dev.tradeflow.domain.event.EventHash;
import dev.tradeflow.domain.event.RecordedEvent;
import dev.tradeflow.domain.lc.CommandId;
import dev.tradeflow.domain.lc.LcEvent;
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.lc.Rejection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of one command, published on {@code tf.lc.command-results} and remembered with the
 * aggregate so that a repeated command id gets the same answer. {@code version} is the aggregate's
 * version after the command (0 when it does not exist); {@code rejection} is null when accepted.
 */
public record CommandResult(
    CommandId commandId,
    LcId lcId,
    String commandType,
    Outcome outcome,
    long version,
    List<EventRef> events,
    Rejection rejection,
    Instant processedAt) {

  public enum Outcome {
    ACCEPTED,
    REJECTED
  }

  /** An event a command caused, as the API reports it. */
  public record EventRef(UUID eventId, String eventType, long aggregateVersion, EventHash hash) {
    static EventRef of(RecordedEvent<LcEvent> event) {
      return new EventRef(
          event.eventId(), event.eventType(), event.aggregateVersion(), event.hash());
    }
  }

  public CommandResult {
    events = List.copyOf(events);
  }

  public static CommandResult accepted(
      CommandEnvelope envelope, List<RecordedEvent<LcEvent>> events, Instant at) {
    return new CommandResult(
        envelope.command().commandId(),
        envelope.lcId(),
        envelope.command().type(),
        Outcome.ACCEPTED,
        events.get(events.size() - 1).aggregateVersion(),
        events.stream().map(EventRef::of).toList(),
        null,
        at);
  }

  public static CommandResult rejected(
      CommandEnvelope envelope, long version, Rejection rejection, Instant at) {
    return new CommandResult(
        envelope.command().commandId(),
        envelope.lcId(),
        envelope.command().type(),
        Outcome.REJECTED,
        version,
        List.of(),
        rejection,
        at);
  }

  public boolean isAccepted() {
    return outcome == Outcome.ACCEPTED;
  }
}
