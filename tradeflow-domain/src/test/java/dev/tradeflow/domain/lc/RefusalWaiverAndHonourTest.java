package dev.tradeflow.domain.lc;

import static dev.tradeflow.domain.lc.LcExamples.*;
import static dev.tradeflow.domain.lc.LcFixture.given;
import static dev.tradeflow.domain.lc.RejectionCode.*;

import dev.tradeflow.domain.lc.LcEvent.DiscrepanciesWaived;
import dev.tradeflow.domain.lc.LcEvent.DocumentsRefused;
import dev.tradeflow.domain.lc.LcEvent.HonourReimbursed;
import dev.tradeflow.domain.lc.LcEvent.PresentationHonoured;
import dev.tradeflow.domain.lc.LcEvent.WaiverSought;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What becomes of an examined presentation: a waiver sought from the applicant (art. 16(b)), one
 * notice of refusal by the fifth banking day (art. 16(c)-(d)) or preclusion (art. 16(f)), honour in
 * the way the credit is available, and reimbursement. P1 is presented on 2026-03-10; its
 * examination deadline is 2026-03-17.
 */
class RefusalWaiverAndHonourTest {

  static LcEvent[] discrepant() {
    return new LcEvent[] {
      applied(), approved(), issued(), presented(), examined("2026-03-11", LATE_SHIPMENT)
    };
  }

  static LcEvent[] complying() {
    return new LcEvent[] {applied(), approved(), issued(), presented(), examined("2026-03-11")};
  }

  static LcEvent[] awaitingWaiver() {
    return followedBy(discrepant(), waiverSought("2026-03-12"));
  }

  static LcEvent[] followedBy(LcEvent[] history, LcEvent... more) {
    LcEvent[] all = new LcEvent[history.length + more.length];
    System.arraycopy(history, 0, all, 0, history.length);
    System.arraycopy(more, 0, all, history.length, more.length);
    return all;
  }

  @Nested
  class SeekingAWaiver {

    @Test
    void the_issuing_bank_asks_the_applicant_to_waive_the_discrepancies() {
      given(discrepant())
          .when(seekWaiver("2026-03-12"))
          .thenEvents(new WaiverSought(P1, date("2026-03-12")));
    }

    @Test
    void art16b_a_waiver_may_be_sought_up_to_the_fifth_banking_day() {
      given(discrepant())
          .when(seekWaiver("2026-03-17"))
          .thenEvents(new WaiverSought(P1, date("2026-03-17")));
    }

    @Test
    void art16f_seeking_a_waiver_after_the_deadline_is_refused() {
      given(discrepant())
          .when(seekWaiver("2026-03-18"))
          .thenRejectedWith(UCP600_ART16F_PRECLUDED, "2026-03-17");
    }

    @Test
    void complying_documents_need_no_waiver() {
      given(complying())
          .when(seekWaiver("2026-03-12"))
          .thenRejectedWith(ILLEGAL_STATE, "COMPLYING");
    }

    @Test
    void documents_are_examined_before_a_waiver_is_sought() {
      given(applied(), approved(), issued(), presented())
          .when(seekWaiver("2026-03-12"))
          .thenRejectedWith(ILLEGAL_STATE, "PRESENTED");
    }

    @Test
    void a_waiver_sought_before_the_presentation_is_refused() {
      given(discrepant()).when(seekWaiver("2026-03-09")).thenRejectedWith(INVALID_DATE, "soughtOn");
    }

    @Test
    void a_waiver_is_sought_for_a_presentation_that_exists() {
      given(discrepant())
          .when(seekWaiver(P2, "2026-03-12"))
          .thenRejectedWith(PRESENTATION_NOT_FOUND, "P2");
    }
  }

  @Nested
  class Waiving {

    @Test
    void the_applicant_waives_the_discrepancies() {
      given(awaitingWaiver())
          .when(waiveDiscrepancies("2026-03-13"))
          .thenEvents(new DiscrepanciesWaived(P1, date("2026-03-13")));
    }

    @Test
    void a_waiver_given_after_the_examination_deadline_is_still_recorded() {
      given(awaitingWaiver())
          .when(waiveDiscrepancies("2026-03-20"))
          .thenEvents(new DiscrepanciesWaived(P1, date("2026-03-20")));
    }

    @Test
    void discrepancies_are_waived_only_once_a_waiver_is_sought() {
      given(discrepant())
          .when(waiveDiscrepancies("2026-03-13"))
          .thenRejectedWith(ILLEGAL_STATE, "DISCREPANT");
    }

    @Test
    void discrepancies_are_waived_once() {
      given(followedBy(awaitingWaiver(), waived("2026-03-13")))
          .when(waiveDiscrepancies("2026-03-14"))
          .thenRejectedWith(ILLEGAL_STATE, "WAIVED");
    }

    @Test
    void a_waiver_dated_before_the_presentation_is_refused() {
      given(awaitingWaiver())
          .when(waiveDiscrepancies("2026-03-09"))
          .thenRejectedWith(INVALID_DATE, "waivedOn");
    }

    @Test
    void a_waiver_is_given_for_a_presentation_that_exists() {
      given(awaitingWaiver())
          .when(waiveDiscrepancies(P2, "2026-03-13"))
          .thenRejectedWith(PRESENTATION_NOT_FOUND, "P2");
    }
  }

  @Nested
  class Refusing {

    @Test
    void discrepant_documents_are_refused_with_a_notice_stating_every_discrepancy() {
      given(
              applied(),
              approved(),
              issued(),
              presented(),
              examined("2026-03-11", LATE_SHIPMENT, INVOICE_NOT_SIGNED))
          .when(refuseDocuments("2026-03-12", INVOICE_NOT_SIGNED, LATE_SHIPMENT))
          .thenEvents(
              new DocumentsRefused(
                  P1,
                  date("2026-03-12"),
                  List.of(INVOICE_NOT_SIGNED, LATE_SHIPMENT),
                  DocumentDisposal.HOLDING_PENDING_INSTRUCTIONS));
    }

    @Test
    void art16d_the_notice_may_be_given_on_the_fifth_banking_day() {
      given(discrepant())
          .when(refuseDocuments("2026-03-17", LATE_SHIPMENT))
          .thenEvents(refused("2026-03-17", LATE_SHIPMENT));
    }

    @Test
    void art16d_a_notice_after_the_fifth_banking_day_is_late() {
      given(discrepant())
          .when(refuseDocuments("2026-03-18", LATE_SHIPMENT))
          .thenRejectedWith(UCP600_ART16D_NOTICE_LATE, "2026-03-17");
    }

    @Test
    void art16d_over_christmas_the_notice_is_due_by_new_years_eve() {
      given(overChristmas())
          .when(refuseDocuments("2026-12-31", LATE_SHIPMENT))
          .thenEvents(refused("2026-12-31", LATE_SHIPMENT));
    }

    @Test
    void art16d_over_christmas_a_notice_on_the_first_banking_day_of_2027_is_late() {
      given(overChristmas())
          .when(refuseDocuments("2027-01-04", LATE_SHIPMENT))
          .thenRejectedWith(UCP600_ART16D_NOTICE_LATE, "2026-12-31");
    }

    @Test
    void the_bank_may_refuse_while_the_applicant_considers_a_waiver() {
      given(awaitingWaiver())
          .when(refuseDocuments("2026-03-13", LATE_SHIPMENT))
          .thenEvents(refused("2026-03-13", LATE_SHIPMENT));
    }

    @Test
    void art16c_a_notice_leaving_out_a_discrepancy_is_incomplete() {
      given(
              applied(),
              approved(),
              issued(),
              presented(),
              examined("2026-03-11", LATE_SHIPMENT, INVOICE_NOT_SIGNED))
          .when(refuseDocuments("2026-03-12", LATE_SHIPMENT))
          .thenRejectedWith(UCP600_ART16C_NOTICE_INCOMPLETE, "missing [INVOICE_NOT_SIGNED]");
    }

    @Test
    void art16c_a_second_notice_of_refusal_is_refused() {
      given(followedBy(discrepant(), refused("2026-03-12", LATE_SHIPMENT)))
          .when(refuseDocuments("2026-03-13", LATE_SHIPMENT, INVOICE_NOT_SIGNED))
          .thenRejectedWith(UCP600_ART16C_SINGLE_NOTICE, "one notice only");
    }

    @Test
    void complying_documents_are_not_refused() {
      given(complying())
          .when(refuseDocuments("2026-03-12", LATE_SHIPMENT))
          .thenRejectedWith(ILLEGAL_STATE, "COMPLYING");
    }

    @Test
    void waived_discrepancies_are_no_ground_for_refusal() {
      given(followedBy(awaitingWaiver(), waived("2026-03-13")))
          .when(refuseDocuments("2026-03-14", LATE_SHIPMENT))
          .thenRejectedWith(ILLEGAL_STATE, "WAIVED");
    }

    @Test
    void a_refusal_dated_before_the_presentation_is_refused() {
      given(discrepant())
          .when(refuseDocuments("2026-03-09", LATE_SHIPMENT))
          .thenRejectedWith(INVALID_DATE, "refusedOn");
    }

    @Test
    void a_refusal_names_a_presentation_that_exists() {
      given(discrepant())
          .when(refuseDocuments(P2, "2026-03-12", LATE_SHIPMENT))
          .thenRejectedWith(PRESENTATION_NOT_FOUND, "P2");
    }

    private static LcEvent[] overChristmas() {
      return new LcEvent[] {
        applied(terms().expiring("2027-03-31")),
        approved(),
        issued("2027-03-31"),
        presented(shippedOn("2026-12-10"), presentedOn("2026-12-22")),
        examined("2026-12-23", LATE_SHIPMENT)
      };
    }
  }

  @Nested
  class Honouring {

    @Test
    void complying_documents_are_honoured_at_sight_for_the_amount_presented() {
      given(complying())
          .when(honourPresentation("2026-03-12"))
          .thenEvents(
              new PresentationHonoured(
                  P1, date("2026-03-12"), AvailableBy.SIGHT_PAYMENT, usd("40000.00"), null));
    }

    @Test
    void documents_whose_discrepancies_were_waived_are_honoured() {
      given(followedBy(awaitingWaiver(), waived("2026-03-13")))
          .when(honourPresentation("2026-03-16"))
          .thenEvents(honoured("2026-03-16"));
    }

    @Test
    void a_deferred_payment_credit_is_honoured_with_a_maturity_date() {
      given(
              applied(terms().availableBy(AvailableBy.DEFERRED_PAYMENT)),
              approved(),
              issued(),
              presented(),
              examined("2026-03-11"))
          .when(honourPresentation("2026-03-12", AvailableBy.DEFERRED_PAYMENT, "2026-06-10"))
          .thenEvents(
              new PresentationHonoured(
                  P1,
                  date("2026-03-12"),
                  AvailableBy.DEFERRED_PAYMENT,
                  usd("40000.00"),
                  date("2026-06-10")));
    }

    @Test
    void an_acceptance_credit_is_honoured_by_accepting_a_draft_due_at_maturity() {
      given(
              applied(terms().availableBy(AvailableBy.ACCEPTANCE)),
              approved(),
              issued(),
              presented(),
              examined("2026-03-11"))
          .when(honourPresentation("2026-03-12", AvailableBy.ACCEPTANCE, "2026-03-12"))
          .thenEvents(
              new PresentationHonoured(
                  P1,
                  date("2026-03-12"),
                  AvailableBy.ACCEPTANCE,
                  usd("40000.00"),
                  date("2026-03-12")));
    }

    @Test
    void a_negotiation_credit_is_honoured_without_a_maturity_date() {
      given(
              applied(terms().availableBy(AvailableBy.NEGOTIATION)),
              approved(),
              issued(),
              presented(),
              examined("2026-03-11"))
          .when(honourPresentation("2026-03-12", AvailableBy.NEGOTIATION, null))
          .thenEvents(
              new PresentationHonoured(
                  P1, date("2026-03-12"), AvailableBy.NEGOTIATION, usd("40000.00"), null));
    }

    @Test
    void art16f_discrepant_documents_not_refused_in_time_must_be_honoured() {
      given(discrepant()).when(honourPresentation("2026-03-18")).thenEvents(honoured("2026-03-18"));
    }

    @Test
    void art16f_a_waiver_still_awaited_after_the_deadline_does_not_save_the_bank() {
      given(awaitingWaiver())
          .when(honourPresentation("2026-03-18"))
          .thenEvents(honoured("2026-03-18"));
    }

    @Test
    void discrepant_documents_are_not_honoured_while_the_bank_may_still_refuse() {
      given(discrepant())
          .when(honourPresentation("2026-03-17"))
          .thenRejectedWith(ILLEGAL_STATE, "DISCREPANT");
    }

    @Test
    void documents_are_examined_before_they_are_honoured() {
      given(applied(), approved(), issued(), presented())
          .when(honourPresentation("2026-03-12"))
          .thenRejectedWith(ILLEGAL_STATE, "PRESENTED");
    }

    @Test
    void refused_documents_are_not_honoured() {
      given(followedBy(discrepant(), refused("2026-03-12", LATE_SHIPMENT)))
          .when(honourPresentation("2026-03-20"))
          .thenRejectedWith(ILLEGAL_STATE, "REFUSED");
    }

    @Test
    void a_presentation_is_honoured_once() {
      given(followedBy(complying(), honoured("2026-03-12")))
          .when(honourPresentation("2026-03-13"))
          .thenRejectedWith(ILLEGAL_STATE, "HONOURED");
    }

    @Test
    void the_honour_follows_how_the_credit_is_available() {
      given(complying())
          .when(honourPresentation("2026-03-12", AvailableBy.DEFERRED_PAYMENT, "2026-06-10"))
          .thenRejectedWith(
              HONOUR_MODE_MISMATCH, "available by SIGHT_PAYMENT, not DEFERRED_PAYMENT");
    }

    @Test
    void a_deferred_payment_without_a_maturity_date_is_refused() {
      given(
              applied(terms().availableBy(AvailableBy.DEFERRED_PAYMENT)),
              approved(),
              issued(),
              presented(),
              examined("2026-03-11"))
          .when(honourPresentation("2026-03-12", AvailableBy.DEFERRED_PAYMENT, null))
          .thenRejectedWith(HONOUR_MODE_MISMATCH, "needs a maturityDate");
    }

    @Test
    void a_sight_payment_with_a_maturity_date_is_refused() {
      given(complying())
          .when(honourPresentation("2026-03-12", AvailableBy.SIGHT_PAYMENT, "2026-06-10"))
          .thenRejectedWith(HONOUR_MODE_MISMATCH, "pays at sight");
    }

    @Test
    void a_maturity_before_the_honour_is_refused() {
      given(
              applied(terms().availableBy(AvailableBy.DEFERRED_PAYMENT)),
              approved(),
              issued(),
              presented(),
              examined("2026-03-11"))
          .when(honourPresentation("2026-03-12", AvailableBy.DEFERRED_PAYMENT, "2026-03-11"))
          .thenRejectedWith(INVALID_DATE, "maturityDate");
    }

    @Test
    void an_honour_dated_before_the_presentation_is_refused() {
      given(applied(), approved(), issued(), presented(), examined("2026-03-10"))
          .when(honourPresentation("2026-03-09"))
          .thenRejectedWith(INVALID_DATE, "honouredOn");
    }

    @Test
    void an_honour_names_a_presentation_that_exists() {
      given(complying())
          .when(honourPresentation(P2, "2026-03-12"))
          .thenRejectedWith(PRESENTATION_NOT_FOUND, "P2");
    }
  }

  @Nested
  class Reimbursing {

    @Test
    void the_honour_is_reimbursed_for_the_amount_honoured() {
      given(followedBy(complying(), honoured("2026-03-12")))
          .when(reimburseHonour("2026-03-16"))
          .thenEvents(new HonourReimbursed(P1, date("2026-03-16"), usd("40000.00")));
    }

    @Test
    void only_an_honoured_presentation_is_reimbursed() {
      given(complying())
          .when(reimburseHonour("2026-03-16"))
          .thenRejectedWith(ILLEGAL_STATE, "COMPLYING");
    }

    @Test
    void an_honour_is_reimbursed_once() {
      given(followedBy(complying(), honoured("2026-03-12"), reimbursed("2026-03-16")))
          .when(reimburseHonour("2026-03-17"))
          .thenRejectedWith(ILLEGAL_STATE, "REIMBURSED");
    }

    @Test
    void a_reimbursement_dated_before_the_presentation_is_refused() {
      given(followedBy(complying(), honoured("2026-03-12")))
          .when(reimburseHonour("2026-03-09"))
          .thenRejectedWith(INVALID_DATE, "reimbursedOn");
    }

    @Test
    void a_reimbursement_names_a_presentation_that_exists() {
      given(followedBy(complying(), honoured("2026-03-12")))
          .when(reimburseHonour(P2, "2026-03-16"))
          .thenRejectedWith(PRESENTATION_NOT_FOUND, "P2");
    }
  }
}
