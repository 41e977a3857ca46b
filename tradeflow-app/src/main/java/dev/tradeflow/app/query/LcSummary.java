package dev.tradeflow.app.query;

import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.lc.LcState;
import dev.tradeflow.domain.lc.LcStatus;
import dev.tradeflow.domain.money.Money;
import java.time.LocalDate;

/** One line of the LC list. */
public record LcSummary(
    LcId lcId,
    LcStatus status,
    long version,
    String applicant,
    String beneficiary,
    Money amount,
    LocalDate expiryDate) {

  static LcSummary of(LcId lcId, long version, LcState state) {
    return new LcSummary(
        lcId,
        state.status(),
        version,
        state.terms().applicant().name(),
        state.terms().beneficiary().name(),
        state.terms().amount(),
        state.terms().expiryDate());
  }
}
