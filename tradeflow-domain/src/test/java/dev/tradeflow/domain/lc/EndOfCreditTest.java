package dev.tradeflow.domain.lc;

import static dev.tradeflow.domain.lc.LcExamples.*;
import static dev.tradeflow.domain.lc.LcFixture.given;
import static dev.tradeflow.domain.lc.RejectionCode.*;

import dev.tradeflow.domain.lc.LcEvent.CreditCancelled;
import dev.tradeflow.domain.lc.LcEvent.CreditClosed;
import dev.tradeflow.domain.lc.LcEvent.CreditExpired;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** How a credit ends: closed once drawn, cancelled (art. 10(a)), or expired (art. 6(e), 29(a)). */
class EndOfCreditTest {

  static LcEvent[] drawnAndReimbursed(String amount) {
    return new LcEvent[] {
      applied(),
      approved(),
      issued(),
      presented(drawing(amount)),
      examined("2026-03-11"),
      honoured(P1, "2026-03-12", usd(amount)),
      reimbursed(P1, "2026-03-16", usd(amount))
    };
  }

  @Nested
  class Closing {

    @Test
    void a_credit_drawn_in_full_and_reimbursed_is_closed() {
      given(drawnAndReimbursed("100000.00"))
          .when(closeCredit("2026-03-20"))
          .thenEvents(new CreditClosed(date("2026-03-20")));
    }

    @Test
    void art30c_a_credit_drawn_to_five_percent_less_counts_as_exhausted() {
      given(drawnAndReimbursed("95000.00"))
          .when(closeCredit("2026-03-20"))
          .thenEvents(closed("2026-03-20"));
    }

    @Test
    void a_credit_with_more_to_draw_is_not_closed_before_it_expires() {
      given(drawnAndReimbursed("94999.99"))
          .when(closeCredit("2026-03-20"))
          .thenRejectedWith(CREDIT_NOT_EXHAUSTED, "only USD 94999.99 of USD 100000.00 is drawn");
    }

    @Test
    void an_expired_credit_is_closed_whatever_was_drawn() {
      given(applied(), approved(), issued(), expired("2026-07-01"))
          .when(closeCredit("2026-07-02"))
          .thenEvents(closed("2026-07-02"));
    }

    @Test
    void a_refused_presentation_does_not_keep_an_expired_credit_open() {
      given(
              applied(),
              approved(),
              issued(),
              presented(),
              examined("2026-03-11", LATE_SHIPMENT),
              refused("2026-03-12", LATE_SHIPMENT),
              expired("2026-07-01"))
          .when(closeCredit("2026-07-02"))
          .thenEvents(closed("2026-07-02"));
    }

    @Test
    void a_credit_is_not_closed_while_an_honour_awaits_reimbursement() {
      given(
              applied(),
              approved(),
              issued(),
              presented(drawing("100000.00")),
              examined("2026-03-11"),
              honoured(P1, "2026-03-12", usd("100000.00")))
          .when(closeCredit("2026-03-20"))
          .thenRejectedWith(PRESENTATIONS_OUTSTANDING, "cannot be closed");
    }

    @Test
    void a_credit_never_issued_is_not_closed() {
      given(applied(), approved())
          .when(closeCredit("2026-03-20"))
          .thenRejectedWith(ILLEGAL_STATE, "APPROVED");
    }

    @Test
    void a_cancelled_credit_is_not_closed() {
      given(applied(), approved(), issued(), cancelled("agreed", "2026-03-01"))
          .when(closeCredit("2026-03-20"))
          .thenRejectedWith(ILLEGAL_STATE, "CANCELLED");
    }

    @Test
    void a_credit_is_closed_once() {
      given(applied(), approved(), issued(), expired("2026-07-01"), closed("2026-07-02"))
          .when(closeCredit("2026-07-03"))
          .thenRejectedWith(ILLEGAL_STATE, "CLOSED");
    }

    @Test
    void a_closing_dated_before_issue_is_refused() {
      given(applied(), approved(), issued(), expired("2026-07-01"))
          .when(closeCredit("2026-02-04"))
          .thenRejectedWith(INVALID_DATE, "closedOn");
    }
  }

  /** Art. 10(a): an issued credit is irrevocable; before issue the applicant may withdraw. */
  @Nested
  class Cancelling {

    @Test
    void art10a_an_application_may_be_withdrawn_without_the_beneficiary() {
      given(applied())
          .when(cancelWithoutConsent("2026-02-03"))
          .thenEvents(new CreditCancelled("the applicant withdraws", date("2026-02-03")));
    }

    @Test
    void art10a_an_approved_credit_may_be_withdrawn_until_it_is_issued() {
      given(applied(), approved())
          .when(cancelWithoutConsent("2026-02-04"))
          .thenEvents(cancelled("the applicant withdraws", "2026-02-04"));
    }

    @Test
    void art10a_an_issued_credit_is_not_cancelled_without_the_beneficiarys_consent() {
      given(applied(), approved(), issued())
          .when(cancelWithoutConsent("2026-03-01"))
          .thenRejectedWith(UCP600_ART10A_CANCELLATION_WITHOUT_CONSENT, "art. 10(a)");
    }

    @Test
    void art10a_a_confirmed_credit_is_not_cancelled_without_the_beneficiarys_consent() {
      given(applied(), approved(), issued(), advised(), confirmed())
          .when(cancelWithoutConsent("2026-03-01"))
          .thenRejectedWith(UCP600_ART10A_CANCELLATION_WITHOUT_CONSENT);
    }

    @Test
    void art10a_an_issued_credit_is_cancelled_with_the_beneficiarys_consent() {
      given(applied(), approved(), issued(), advised())
          .when(cancelWithConsent("2026-03-01"))
          .thenEvents(cancelled("the applicant withdraws", "2026-03-01"));
    }

    @Test
    void a_credit_is_not_cancelled_while_documents_await_a_decision() {
      given(applied(), approved(), issued(), presented())
          .when(cancelWithConsent("2026-03-11"))
          .thenRejectedWith(PRESENTATIONS_OUTSTANDING, "cannot be cancelled");
    }

    @Test
    void a_rejected_application_is_not_cancelled() {
      given(applied(), applicationRejected())
          .when(cancelWithoutConsent("2026-02-04"))
          .thenRejectedWith(ILLEGAL_STATE, "REJECTED");
    }

    @Test
    void an_expired_credit_is_not_cancelled() {
      given(applied(), approved(), issued(), expired("2026-07-01"))
          .when(cancelWithConsent("2026-07-02"))
          .thenRejectedWith(ILLEGAL_STATE, "EXPIRED");
    }

    @Test
    void a_credit_is_cancelled_once() {
      given(applied(), cancelled("the applicant withdraws", "2026-02-03"))
          .when(cancelWithoutConsent("2026-02-04"))
          .thenRejectedWith(ILLEGAL_STATE, "CANCELLED");
    }

    @Test
    void a_withdrawal_dated_before_the_application_is_refused() {
      given(applied())
          .when(cancelWithoutConsent("2026-02-01"))
          .thenRejectedWith(INVALID_DATE, "appliedOn");
    }

    @Test
    void a_cancellation_dated_before_issue_of_an_issued_credit_is_refused() {
      given(applied(), approved(), issued())
          .when(cancelWithConsent("2026-02-04"))
          .thenRejectedWith(INVALID_DATE, "issuedOn");
    }
  }

  /** Art. 6(e) and 29(a): a credit expires at the end of its (banking-day) expiry date. */
  @Nested
  class Expiring {

    @Test
    void a_credit_expires_the_day_after_its_expiry_date() {
      given(applied(), approved(), issued(), advised())
          .when(expireCredit("2026-07-01"))
          .thenEvents(new CreditExpired(date("2026-07-01")));
    }

    @Test
    void a_credit_is_still_valid_on_its_expiry_date() {
      given(applied(), approved(), issued())
          .when(expireCredit("2026-06-30"))
          .thenRejectedWith(EXPIRY_NOT_REACHED, "valid through 2026-06-30");
    }

    @Test
    void art29a_a_saturday_expiry_keeps_the_credit_valid_through_monday() {
      given(applied(terms().expiring("2026-10-31")), approved(), issued("2026-11-02"))
          .when(expireCredit("2026-11-02"))
          .thenRejectedWith(EXPIRY_NOT_REACHED, "valid through 2026-11-02");
    }

    @Test
    void art29a_a_saturday_expiry_ends_the_credit_on_tuesday() {
      given(applied(terms().expiring("2026-10-31")), approved(), issued("2026-11-02"))
          .when(expireCredit("2026-11-03"))
          .thenEvents(expired("2026-11-03"));
    }

    @Test
    void art29a_a_christmas_expiry_keeps_the_credit_valid_through_the_next_banking_day() {
      given(applied(terms().expiring("2026-12-25")), approved(), issued("2026-12-29"))
          .when(expireCredit("2026-12-29"))
          .thenRejectedWith(EXPIRY_NOT_REACHED, "2026-12-29");
    }

    @Test
    void an_accepted_extension_postpones_the_expiry() {
      given(
              applied(),
              approved(),
              issued(),
              amendmentRequested(newExpiry("2026-09-30")),
              amendmentAccepted("2026-03-04", "2026-09-30"))
          .when(expireCredit("2026-07-01"))
          .thenRejectedWith(EXPIRY_NOT_REACHED, "2026-09-30");
    }

    @Test
    void a_credit_does_not_expire_while_documents_presented_in_time_await_a_decision() {
      given(
              applied(),
              approved(),
              issued(),
              presented(shippedOn("2026-06-15"), presentedOn("2026-06-30")))
          .when(expireCredit("2026-07-01"))
          .thenRejectedWith(PRESENTATIONS_OUTSTANDING, "cannot be expired");
    }

    @Test
    void a_credit_never_issued_does_not_expire() {
      given(applied(), approved())
          .when(expireCredit("2026-07-01"))
          .thenRejectedWith(ILLEGAL_STATE, "APPROVED");
    }

    @Test
    void a_credit_expires_once() {
      given(applied(), approved(), issued(), expired("2026-07-01"))
          .when(expireCredit("2026-07-02"))
          .thenRejectedWith(ILLEGAL_STATE, "EXPIRED");
    }

    @Test
    void a_closed_credit_does_not_expire() {
      given(applied(), approved(), issued(), expired("2026-07-01"), closed("2026-07-02"))
          .when(expireCredit("2026-07-03"))
          .thenRejectedWith(ILLEGAL_STATE, "CLOSED");
    }
  }
}
