package dev.tradeflow.app.query;

import dev.tradeflow.app.processor.AggregateSnapshot;
import dev.tradeflow.domain.event.EventHash;
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.lc.LcState;
import dev.tradeflow.domain.lc.LcStatus;
import dev.tradeflow.domain.money.Money;

/** The query view of one letter of credit: its state with what is drawn and still available. */
public record LcView(
    LcId lcId,
    LcStatus status,
    long version,
    EventHash lastHash,
    Money drawn,
    Money available,
    LcState credit) {

  public static LcView of(LcId lcId, AggregateSnapshot snapshot) {
    LcState state = snapshot.state();
    Money maximum = state.terms().maximumDrawable();
    return new LcView(
        lcId,
        state.status(),
        snapshot.head().version(),
        snapshot.head().hash(),
        state.drawn(),
        maximum.minus(state.drawn()),
        state);
  }
}
