package dev.tradeflow.domain.lc;

import static dev.tradeflow.domain.lc.LcExamples.*;
import static dev.tradeflow.domain.lc.LcFixture.given;
import static dev.tradeflow.domain.lc.RejectionCode.*;

import dev.tradeflow.domain.lc.LcEvent.AmendmentAccepted;
import dev.tradeflow.domain.lc.LcEvent.AmendmentRejected;
import dev.tradeflow.domain.lc.LcEvent.AmendmentRequested;
import dev.tradeflow.domain.money.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Amendments (UCP 600 art. 10, MT707): requested by the issuing bank, binding on the beneficiary
 * only once accepted.
 */
class AmendmentTest {

  @Nested
  class Requesting {

    @Test
    void the_issuing_bank_requests_an_increase() {
      given(applied(), approved(), issued())
          .when(requestAmendment(newAmount("150000.00")))
          .thenEvents(new AmendmentRequested(A1, newAmount("150000.00"), AMENDMENT_REQUESTED_ON));
    }

    @Test
    void an_advised_or_confirmed_credit_may_be_amended() {
      given(applied(), approved(), issued(), advised(), confirmed())
          .when(requestAmendment(newExpiry("2026-09-30")))
          .thenEvents(new AmendmentRequested(A1, newExpiry("2026-09-30"), AMENDMENT_REQUESTED_ON));
    }

    @Test
    void a_transfer_to_a_new_beneficiary_is_an_amendment() {
      given(applied(), approved(), issued())
          .when(requestAmendment(newBeneficiary(NEW_BENEFICIARY)))
          .thenEvents(
              new AmendmentRequested(A1, newBeneficiary(NEW_BENEFICIARY), AMENDMENT_REQUESTED_ON));
    }

    @Test
    void a_credit_not_yet_issued_is_not_amended() {
      given(applied(), approved())
          .when(requestAmendment(newAmount("150000.00")))
          .thenRejectedWith(ILLEGAL_STATE, "APPROVED");
    }

    @Test
    void an_expired_credit_is_not_amended() {
      given(applied(), approved(), issued(), expired("2026-07-01"))
          .when(requestAmendment(newExpiry("2026-09-30"), "2026-07-02"))
          .thenRejectedWith(ILLEGAL_STATE, "EXPIRED");
    }

    @Test
    void one_amendment_at_a_time_awaits_the_beneficiary() {
      given(applied(), approved(), issued(), amendmentRequested(newAmount("150000.00")))
          .when(requestAmendment(A2, newExpiry("2026-09-30"), "2026-03-03"))
          .thenRejectedWith(AMENDMENT_ALREADY_PENDING, "A1");
    }

    @Test
    void an_answered_amendment_id_is_not_used_again() {
      given(
              applied(),
              approved(),
              issued(),
              amendmentRequested(newAmount("150000.00")),
              amendmentRejected("2026-03-04"))
          .when(requestAmendment(A1, newExpiry("2026-09-30"), "2026-03-05"))
          .thenRejectedWith(ILLEGAL_STATE, "already answered");
    }

    @Test
    void an_amendment_that_changes_no_term_is_refused() {
      given(applied(), approved(), issued())
          .when(requestAmendment(narrativeOnly()))
          .thenRejectedWith(AMENDMENT_CHANGES_NOTHING);
    }

    @Test
    void an_amended_amount_of_zero_is_refused() {
      given(applied(), approved(), issued())
          .when(requestAmendment(newAmount("0.00")))
          .thenRejectedWith(INVALID_AMOUNT, "positive");
    }

    @Test
    void an_amendment_dated_before_issue_is_refused() {
      given(applied(), approved(), issued())
          .when(requestAmendment(newAmount("150000.00"), "2026-02-04"))
          .thenRejectedWith(INVALID_DATE, "requestedOn");
    }

    @Test
    void a_new_expiry_before_the_amendment_itself_is_refused() {
      given(applied(), approved(), issued())
          .when(requestAmendment(newExpiry("2026-03-01"), "2026-03-02"))
          .thenRejectedWith(INVALID_DATE, "newExpiryDate");
    }

    @Test
    void a_new_expiry_on_the_day_of_the_amendment_is_accepted() {
      given(applied(), approved(), issued())
          .when(requestAmendment(newExpiry("2026-03-02"), "2026-03-02"))
          .thenEvents(new AmendmentRequested(A1, newExpiry("2026-03-02"), AMENDMENT_REQUESTED_ON));
    }

    @Test
    void a_latest_shipment_date_after_the_expiry_makes_the_terms_inconsistent() {
      given(applied(), approved(), issued())
          .when(requestAmendment(newLatestShipment("2026-07-15")))
          .thenRejectedWith(INVALID_DATE, "latestShipmentDate 2026-07-15 is after expiryDate");
    }

    @Test
    void an_expiry_cut_before_the_latest_shipment_date_makes_the_terms_inconsistent() {
      given(applied(terms().latestShipment("2026-06-09")), approved(), issued())
          .when(requestAmendment(newExpiry("2026-05-29")))
          .thenRejectedWith(INVALID_DATE, "latestShipmentDate 2026-06-09 is after expiryDate");
    }

    @Test
    void the_amount_stays_in_the_credit_currency() {
      given(applied(), approved(), issued())
          .when(requestAmendment(newAmount(Money.of("150000.00", "EUR"))))
          .thenRejectedWith(CURRENCY_MISMATCH, "EUR given; the credit is in USD");
    }

    @Test
    void the_amount_is_not_cut_below_what_is_already_drawn() {
      given(applied(), approved(), issued(), presented(drawing("80000.00")))
          .when(requestAmendment(newAmount("70000.00"), "2026-03-11"))
          .thenRejectedWith(AMENDMENT_BELOW_DRAWN, "USD 80000.00 already drawn");
    }

    @Test
    void the_amount_may_be_cut_down_to_what_is_already_drawn() {
      given(applied(), approved(), issued(), presented(drawing("80000.00")))
          .when(requestAmendment(newAmount("80000.00"), "2026-03-11"))
          .thenEvents(new AmendmentRequested(A1, newAmount("80000.00"), date("2026-03-11")));
    }

    @Test
    void a_refused_drawing_does_not_hold_the_amount_up() {
      given(
              applied(),
              approved(),
              issued(),
              presented(drawing("80000.00")),
              examined("2026-03-11", LATE_SHIPMENT),
              refused("2026-03-12", LATE_SHIPMENT))
          .when(requestAmendment(newAmount("50000.00"), "2026-03-13"))
          .thenEvents(new AmendmentRequested(A1, newAmount("50000.00"), date("2026-03-13")));
    }
  }

  @Nested
  class Accepting {

    @Test
    void the_beneficiary_accepts_and_the_expiry_stays_on_a_banking_day() {
      given(applied(), approved(), issued(), amendmentRequested(newAmount("150000.00")))
          .when(acceptAmendment("2026-03-04"))
          .thenEvents(new AmendmentAccepted(A1, date("2026-03-04"), EXPIRY));
    }

    @Test
    void art29a_an_amended_expiry_on_new_years_day_moves_to_the_next_banking_day() {
      given(applied(), approved(), issued(), amendmentRequested(newExpiry("2027-01-01")))
          .when(acceptAmendment("2026-03-04"))
          .thenEvents(new AmendmentAccepted(A1, date("2026-03-04"), date("2027-01-04")));
    }

    @Test
    void acceptance_on_the_day_of_the_request_is_accepted() {
      given(applied(), approved(), issued(), amendmentRequested(newAmount("150000.00")))
          .when(acceptAmendment("2026-03-02"))
          .thenEvents(new AmendmentAccepted(A1, AMENDMENT_REQUESTED_ON, EXPIRY));
    }

    @Test
    void acceptance_dated_before_the_request_is_refused() {
      given(applied(), approved(), issued(), amendmentRequested(newAmount("150000.00")))
          .when(acceptAmendment("2026-03-01"))
          .thenRejectedWith(INVALID_DATE, "acceptedOn");
    }

    @Test
    void only_a_pending_amendment_is_accepted() {
      given(applied(), approved(), issued(), amendmentRequested(newAmount("150000.00")))
          .when(acceptAmendment(A2, "2026-03-04"))
          .thenRejectedWith(AMENDMENT_NOT_FOUND, "A2");
    }

    @Test
    void a_rejected_amendment_cannot_be_accepted_afterwards() {
      given(
              applied(),
              approved(),
              issued(),
              amendmentRequested(newAmount("150000.00")),
              amendmentRejected("2026-03-03"))
          .when(acceptAmendment("2026-03-04"))
          .thenRejectedWith(AMENDMENT_NOT_FOUND, "A1");
    }

    @Test
    void a_cut_is_not_accepted_once_drawings_made_meanwhile_exceed_it() {
      given(
              applied(),
              approved(),
              issued(),
              presented(drawing("40000.00")),
              amendmentRequested(A1, newAmount("60000.00"), "2026-03-11"),
              presented(presentation(P2), drawing("30000.00"), presentedOn("2026-03-12")))
          .when(acceptAmendment("2026-03-13"))
          .thenRejectedWith(AMENDMENT_BELOW_DRAWN, "USD 70000.00 already drawn");
    }

    @Test
    void a_cancelled_credit_no_longer_takes_amendments() {
      given(
              applied(),
              approved(),
              issued(),
              amendmentRequested(newExpiry("2026-09-30")),
              cancelled("both parties agree", "2026-03-03"))
          .when(acceptAmendment("2026-03-04"))
          .thenRejectedWith(ILLEGAL_STATE, "CANCELLED");
    }

    @Test
    void an_expired_credit_is_not_revived_by_accepting_an_extension() {
      given(
              applied(),
              approved(),
              issued(),
              amendmentRequested(A1, newExpiry("2026-09-30"), "2026-06-29"),
              expired("2026-07-01"))
          .when(acceptAmendment("2026-07-02"))
          .thenRejectedWith(ILLEGAL_STATE, "EXPIRED");
    }
  }

  @Nested
  class Rejecting {

    @Test
    void the_beneficiary_rejects_the_amendment() {
      given(applied(), approved(), issued(), amendmentRequested(newAmount("80000.00")))
          .when(rejectAmendment("2026-03-03"))
          .thenEvents(new AmendmentRejected(A1, "the beneficiary declines", date("2026-03-03")));
    }

    @Test
    void rejection_dated_before_the_request_is_refused() {
      given(applied(), approved(), issued(), amendmentRequested(newAmount("80000.00")))
          .when(rejectAmendment("2026-03-01"))
          .thenRejectedWith(INVALID_DATE, "rejectedOn");
    }

    @Test
    void only_a_pending_amendment_is_rejected() {
      given(applied(), approved(), issued())
          .when(rejectAmendment("2026-03-03"))
          .thenRejectedWith(AMENDMENT_NOT_FOUND, "A1");
    }

    @Test
    void an_accepted_amendment_cannot_be_rejected_afterwards() {
      given(
              applied(),
              approved(),
              issued(),
              amendmentRequested(newAmount("80000.00")),
              amendmentAccepted("2026-03-03", "2026-06-30"))
          .when(rejectAmendment("2026-03-04"))
          .thenRejectedWith(AMENDMENT_NOT_FOUND, "A1");
    }
  }

  /** Art. 10(b): the beneficiary is bound, and may draw, only under terms it accepted. */
  @Nested
  class BindingOnlyOnceAccepted {

    @Test
    void a_pending_increase_does_not_yet_allow_a_larger_drawing() {
      given(applied(), approved(), issued(), amendmentRequested(newAmount("150000.00")))
          .when(presentDocuments(drawing("140000.00")))
          .thenRejectedWith(UCP600_ART30_OVERDRAWN);
    }

    @Test
    void an_accepted_increase_allows_a_larger_drawing() {
      given(
              applied(),
              approved(),
              issued(),
              amendmentRequested(newAmount("150000.00")),
              amendmentAccepted("2026-03-04", "2026-06-30"))
          .when(presentDocuments(drawing("140000.00")))
          .thenEvents(presented(drawing("140000.00")));
    }

    @Test
    void a_rejected_increase_leaves_the_original_amount() {
      given(
              applied(),
              approved(),
              issued(),
              amendmentRequested(newAmount("150000.00")),
              amendmentRejected("2026-03-04"))
          .when(presentDocuments(drawing("140000.00")))
          .thenRejectedWith(UCP600_ART30_OVERDRAWN);
    }

    @Test
    void an_accepted_extension_allows_presentation_after_the_original_expiry() {
      given(
              applied(),
              approved(),
              issued(),
              amendmentRequested(newExpiry("2026-09-30")),
              amendmentAccepted("2026-03-04", "2026-09-30"))
          .when(presentDocuments(shippedOn("2026-07-01"), presentedOn("2026-07-10")))
          .thenEvents(
              presented(
                  shippedOn("2026-07-01"),
                  presentedOn("2026-07-10"),
                  examinationDeadline("2026-07-17")));
    }

    @Test
    void an_accepted_cut_in_the_expiry_refuses_later_presentations() {
      given(
              applied(),
              approved(),
              issued(),
              amendmentRequested(newExpiry("2026-03-31")),
              amendmentAccepted("2026-03-04", "2026-03-31"))
          .when(presentDocuments(shippedOn("2026-03-20"), presentedOn("2026-04-01")))
          .thenRejectedWith(UCP600_ART6E_PRESENTED_AFTER_EXPIRY, "2026-03-31");
    }
  }
}
