package dev.tradeflow.domain.event;

/** Something that happened to an aggregate; the payload of a {@link RecordedEvent}. */
public interface DomainEvent {

  /** The event's type name as it appears in the envelope and in schema subjects. */
  default String eventType() {
    return getClass().getSimpleName();
  }
}
