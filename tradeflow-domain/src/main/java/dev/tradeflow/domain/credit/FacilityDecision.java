package dev.tradeflow.domain.credit;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of a facility command: the events it causes (none for a repeat of something already
 * done, so that retries are safe), or why it was refused.
 */
public record FacilityDecision(List<FacilityEvent> events, Optional<FacilityRefusal> refusal) {

  public FacilityDecision {
    events = List.copyOf(events);
    if (refusal.isPresent() && !events.isEmpty()) {
      throw new IllegalArgumentException("a refusal emits no events");
    }
  }

  static FacilityDecision accept(FacilityEvent... events) {
    return new FacilityDecision(List.of(events), Optional.empty());
  }

  static FacilityDecision refuse(FacilityRefusal refusal) {
    return new FacilityDecision(List.of(), Optional.of(refusal));
  }

  public boolean isAccepted() {
    return refusal.isEmpty();
  }
}
