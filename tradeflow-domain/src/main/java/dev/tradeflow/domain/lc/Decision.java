package dev.tradeflow.domain.lc;

import java.util.List;
import java.util.Optional;

/** The outcome of deciding a command: the events it causes, or why it was refused. */
public record Decision(List<LcEvent> events, Optional<Rejection> rejection) {

  public Decision {
    events = List.copyOf(events);
    if (rejection.isPresent() == !events.isEmpty()) {
      throw new IllegalArgumentException("a decision either emits events or is a rejection");
    }
  }

  public static Decision accept(LcEvent... events) {
    return new Decision(List.of(events), Optional.empty());
  }

  public static Decision reject(RejectionCode code, String detail) {
    return new Decision(List.of(), Optional.of(new Rejection(code, detail)));
  }

  public boolean isAccepted() {
    return rejection.isEmpty();
  }
}
