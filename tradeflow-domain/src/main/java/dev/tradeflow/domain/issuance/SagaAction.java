package dev.tradeflow.domain.issuance;

import dev.tradeflow.domain.credit.FacilityId;
import dev.tradeflow.domain.credit.ReservationId;
import dev.tradeflow.domain.lc.AmendmentId;
import dev.tradeflow.domain.lc.DocumentParticulars;
import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.lc.LcTerms;
import dev.tradeflow.domain.lc.PresentationId;
import dev.tradeflow.domain.lc.Rejection;
import dev.tradeflow.domain.money.Money;
import dev.tradeflow.domain.review.CaseId;
import java.util.Optional;
import java.util.Set;

/** What the saga asks of the services and the credit; the topology turns each into a record. */
public sealed interface SagaAction {

  /**
   * Screens the application's terms, or an amendment's amended terms.
   *
   * @param attempt which try of this screening (review cases are named after it and the amendment)
   * @param amountOrBeneficiaryAmendments how many amendments raising the amount or naming a new
   *     beneficiary were applied for so far, this one included: repeated ones are a
   *     money-laundering pattern
   */
  record RequestScreening(
      LcId lcId,
      Optional<AmendmentId> amendment,
      LcTerms terms,
      int attempt,
      int amountOrBeneficiaryAmendments)
      implements SagaAction {}

  record ReserveCredit(FacilityId facility, ReservationId reservation, LcId lcId, Money amount)
      implements SagaAction {}

  record ConsumeCredit(FacilityId facility, ReservationId reservation) implements SagaAction {}

  record ReleaseCredit(FacilityId facility, ReservationId reservation, String reason)
      implements SagaAction {}

  /** Review cases the saga no longer waits for: closed undecided, with the reason. */
  record WithdrawCases(Set<CaseId> cases, String reason) implements SagaAction {
    public WithdrawCases {
      cases = Set.copyOf(cases);
    }
  }

  /** A command for the credit, with an id derived from the saga's so a resend is a repeat. */
  record SendToCredit(LcId lcId, LcCommand command) implements SagaAction {}

  /**
   * Screens what a presentation's documents show: their numbers (a document under another credit),
   * the carrier and vessel, the route.
   *
   * @param attempt which try of this screening (review cases are named after it)
   */
  record ScreenPresentation(
      LcId lcId, PresentationId presentation, DocumentParticulars particulars, int attempt)
      implements SagaAction {}

  /**
   * A cleared amendment or presentation, sent to the credit as its maker applied for it (same
   * command id), or one the saga does not judge, for the credit to decide.
   */
  record ForwardCommand(LcId lcId, LcCommand command, String maker) implements SagaAction {}

  /**
   * An amendment or presentation the saga did not clear: its maker is answered with the refusal
   * under the command's id, and the credit is left as it is.
   */
  record RefuseCommand(LcId lcId, LcCommand command, String maker, Rejection rejection)
      implements SagaAction {}
}
