package dev.tradeflow.domain.issuance;

import dev.tradeflow.domain.lc.AmendmentId;
import dev.tradeflow.domain.lc.LcCommand.RequestAmendment;
import dev.tradeflow.domain.lc.LcTerms;
import dev.tradeflow.domain.lc.Rejection;
import dev.tradeflow.domain.money.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * An amendment applied for under an issued credit, as the saga clears it. One that raises the most
 * the beneficiary may draw or names a new beneficiary is screened, its increase reserved on the
 * facility and, over the approval threshold, approved by a checker before the credit is asked to
 * amend; any other goes to the credit at once.
 *
 * @param maker who applied for it: a checker approving it must be someone else
 * @param amendedTerms the credit's terms once amended: what is screened
 * @param increase how much more the beneficiary may draw (amount plus tolerance); zero when the
 *     amendment does not raise it
 * @param creditHeld whether a reservation for the increase may exist on the facility (asked for, or
 *     consumed once the beneficiary accepted); released when the amendment is refused, declined or
 *     the credit ends
 * @param refusal why the saga refused it, answered again to a client that resends it; empty when
 *     the saga did not refuse it
 */
public record AmendmentClearance(
    RequestAmendment command,
    String maker,
    LcTerms amendedTerms,
    Money increase,
    boolean newBeneficiary,
    Status status,
    boolean creditHeld,
    Optional<Rejection> refusal)
    implements HeldCommand {

  public enum Status {
    /** Screening, review, credit or approval under way, or sent to the credit. */
    CLEARING,
    /** The credit recorded it (MT707 sent): the beneficiary accepts or rejects it. */
    REQUESTED,
    AMENDED,
    /** The beneficiary rejected it. */
    DECLINED,
    /** Refused by the saga (not cleared) or by the credit. */
    REFUSED;

    boolean isOpen() {
      return this == CLEARING || this == REQUESTED;
    }
  }

  public AmendmentClearance {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(maker, "maker");
    Objects.requireNonNull(amendedTerms, "amendedTerms");
    Objects.requireNonNull(increase, "increase");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(refusal, "refusal");
  }

  /**
   * An amendment of the credit whose terms are {@code current}.
   *
   * @throws IllegalArgumentException when the amended terms are inconsistent or the new amount is
   *     in another currency: the saga cannot judge it, and the credit refuses it with the reason
   */
  static AmendmentClearance applied(RequestAmendment command, String maker, LcTerms current) {
    LcTerms amended = current.amendedBy(command.changes());
    Money before = current.maximumDrawable();
    Money after = amended.maximumDrawable();
    if (!after.sameCurrencyAs(before)) {
      throw new IllegalArgumentException("the amended amount is in another currency: " + after);
    }
    Money increase = after.exceeds(before) ? after.minus(before) : Money.zero(before.currency());
    boolean newBeneficiary =
        command.changes().newBeneficiary() != null
            && !command.changes().newBeneficiary().equals(current.beneficiary());
    return new AmendmentClearance(
        command,
        maker,
        amended,
        increase,
        newBeneficiary,
        Status.CLEARING,
        false,
        Optional.empty());
  }

  public AmendmentId amendmentId() {
    return command.amendmentId();
  }

  @Override
  public boolean beingCleared() {
    return status == Status.CLEARING;
  }

  @Override
  public String label() {
    return "amendment " + amendmentId();
  }

  /** Raises the exposure or changes a party: screening and credit run again. */
  public boolean needsClearance() {
    return increase.isPositive() || newBeneficiary;
  }

  AmendmentClearance with(Status newStatus) {
    return changed(newStatus, creditHeld, refusal);
  }

  AmendmentClearance holding(boolean held) {
    return changed(status, held, refusal);
  }

  AmendmentClearance refusedBySaga(Rejection why) {
    return changed(Status.REFUSED, creditHeld, Optional.of(why));
  }

  private AmendmentClearance changed(
      Status newStatus, boolean held, Optional<Rejection> newRefusal) {
    return new AmendmentClearance(
        command, maker, amendedTerms, increase, newBeneficiary, newStatus, held, newRefusal);
  }
}
