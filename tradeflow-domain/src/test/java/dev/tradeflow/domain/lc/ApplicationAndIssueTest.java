package dev.tradeflow.domain.lc;

import static dev.tradeflow.domain.lc.LcExamples.*;
import static dev.tradeflow.domain.lc.LcFixture.given;
import static dev.tradeflow.domain.lc.RejectionCode.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.domain.lc.LcEvent.ApplicationApproved;
import dev.tradeflow.domain.lc.LcEvent.ApplicationRejected;
import dev.tradeflow.domain.lc.LcEvent.CreditAdvised;
import dev.tradeflow.domain.lc.LcEvent.CreditApplied;
import dev.tradeflow.domain.lc.LcEvent.CreditConfirmed;
import dev.tradeflow.domain.lc.LcEvent.CreditIssued;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Applying for a credit, approving or rejecting the application, issue, advice, confirmation. */
class ApplicationAndIssueTest {

  static Stream<LcCommand> everyCommandButAnApplication() {
    return Stream.of(
        approveApplication("2026-02-03"),
        rejectApplication("2026-02-03"),
        issueCredit("2026-02-05"),
        adviseCredit("2026-02-06"),
        confirmCredit("2026-02-09"),
        requestAmendment(newAmount("120000.00")),
        acceptAmendment("2026-03-03"),
        rejectAmendment("2026-03-03"),
        presentDocuments(),
        examine("2026-03-11"),
        seekWaiver("2026-03-11"),
        waiveDiscrepancies("2026-03-12"),
        refuseDocuments("2026-03-12", LATE_SHIPMENT),
        honourPresentation("2026-03-12"),
        reimburseHonour("2026-03-13"),
        closeCredit("2026-07-01"),
        cancelWithConsent("2026-03-01"),
        expireCredit("2026-07-01"),
        placeLegalHold("SEC-2026-0113", "2026-03-01"),
        releaseLegalHold("SEC-2026-0113", "2026-03-02"));
  }

  static Stream<Named<LcCommand>> everyCommandButAnApplicationByName() {
    return everyCommandButAnApplication().map(command -> Named.of(command.type(), command));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommandButAnApplicationByName")
  void every_command_but_an_application_needs_an_existing_credit(LcCommand command) {
    given().when(command).thenRejectedWith(LC_NOT_FOUND, "apply for one first");
  }

  @Test
  void the_list_above_names_every_command_but_the_application() {
    assertThat(everyCommandButAnApplication().<Class<?>>map(LcCommand::getClass))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(LcCommand.class.getPermittedSubclasses())
                .filter(type -> type != LcCommand.ApplyForCredit.class)
                .toList());
  }

  @Nested
  class Applying {

    @Test
    void an_application_opens_the_credit_with_its_terms() {
      given().when(applyForCredit()).thenEvents(new CreditApplied(terms().build(), APPLIED_ON));
    }

    @Test
    void a_credit_may_expire_on_the_day_it_is_applied_for() {
      given()
          .when(applyForCredit(terms().expiring("2026-02-02"), "2026-02-02"))
          .thenEvents(new CreditApplied(terms().expiring("2026-02-02").build(), APPLIED_ON));
    }

    @Test
    void a_credit_expiring_before_the_application_is_refused() {
      given()
          .when(applyForCredit(terms().expiring("2026-02-01"), "2026-02-02"))
          .thenRejectedWith(INVALID_DATE, "expiryDate 2026-02-01 is before appliedOn 2026-02-02");
    }

    @Test
    void a_second_application_under_the_same_id_is_refused() {
      given(applied()).when(applyForCredit()).thenRejectedWith(LC_ALREADY_EXISTS);
    }
  }

  @Nested
  class Approving {

    @Test
    void an_application_is_approved() {
      given(applied())
          .when(approveApplication("2026-02-03"))
          .thenEvents(new ApplicationApproved(APPROVER, date("2026-02-03")));
    }

    @Test
    void approval_on_the_day_of_application_is_accepted() {
      given(applied())
          .when(approveApplication("2026-02-02"))
          .thenEvents(new ApplicationApproved(APPROVER, APPLIED_ON));
    }

    @Test
    void approval_dated_before_the_application_is_refused() {
      given(applied())
          .when(approveApplication("2026-02-01"))
          .thenRejectedWith(INVALID_DATE, "approvedOn");
    }

    @Test
    void an_approved_application_is_not_approved_again() {
      given(applied(), approved())
          .when(approveApplication("2026-02-04"))
          .thenRejectedWith(ILLEGAL_STATE, "APPROVED");
    }

    @Test
    void a_rejected_application_cannot_be_approved() {
      given(applied(), applicationRejected())
          .when(approveApplication("2026-02-04"))
          .thenRejectedWith(ILLEGAL_STATE, "REJECTED");
    }
  }

  @Nested
  class RejectingTheApplication {

    @Test
    void an_application_is_rejected_by_compliance_or_credit() {
      given(applied())
          .when(rejectApplication("2026-02-03"))
          .thenEvents(new ApplicationRejected("sanctions screening hit", date("2026-02-03")));
    }

    @Test
    void an_approved_application_may_still_be_rejected_before_issue() {
      given(applied(), approved())
          .when(rejectApplication("2026-02-04"))
          .thenEvents(new ApplicationRejected("sanctions screening hit", date("2026-02-04")));
    }

    @Test
    void rejection_dated_before_the_application_is_refused() {
      given(applied())
          .when(rejectApplication("2026-01-30"))
          .thenRejectedWith(INVALID_DATE, "rejectedOn");
    }

    @Test
    void an_issued_credit_is_not_rejected() {
      given(applied(), approved(), issued())
          .when(rejectApplication("2026-02-06"))
          .thenRejectedWith(ILLEGAL_STATE, "ISSUED");
    }

    @Test
    void an_application_is_rejected_only_once() {
      given(applied(), applicationRejected())
          .when(rejectApplication("2026-02-04"))
          .thenRejectedWith(ILLEGAL_STATE, "REJECTED");
    }
  }

  @Nested
  class Issuing {

    @Test
    void an_approved_credit_is_issued_with_its_expiry() {
      given(applied(), approved())
          .when(issueCredit("2026-02-05"))
          .thenEvents(new CreditIssued(ISSUED_ON, EXPIRY));
    }

    @Test
    void art29a_an_expiry_on_a_saturday_moves_to_the_next_monday() {
      given(applied(terms().expiring("2026-10-31")), approved())
          .when(issueCredit("2026-02-05"))
          .thenEvents(new CreditIssued(ISSUED_ON, date("2026-11-02")));
    }

    @Test
    void art29a_an_expiry_on_christmas_day_skips_the_weekend_and_the_boxing_day_holiday() {
      given(applied(terms().expiring("2026-12-25")), approved())
          .when(issueCredit("2026-02-05"))
          .thenEvents(new CreditIssued(ISSUED_ON, date("2026-12-29")));
    }

    @Test
    void art29a_an_expiry_on_new_years_day_moves_to_the_first_banking_day_of_2027() {
      given(applied(terms().expiring("2027-01-01")), approved())
          .when(issueCredit("2026-02-05"))
          .thenEvents(new CreditIssued(ISSUED_ON, date("2027-01-04")));
    }

    @Test
    void art29a_a_london_holiday_does_not_move_an_expiry_in_new_york() {
      given(applied(terms().expiring("2026-12-25").expiringAt("US-NYC")), approved())
          .when(issueCredit("2026-02-05"))
          .thenEvents(new CreditIssued(ISSUED_ON, date("2026-12-25")));
    }

    @Test
    void a_credit_may_be_issued_on_its_expiry_date() {
      given(applied(), approved())
          .when(issueCredit("2026-06-30"))
          .thenEvents(new CreditIssued(EXPIRY, EXPIRY));
    }

    @Test
    void a_credit_is_not_issued_after_its_expiry_date() {
      given(applied(), approved())
          .when(issueCredit("2026-07-01"))
          .thenRejectedWith(INVALID_DATE, "after the expiry date 2026-06-30");
    }

    @Test
    void issue_dated_before_the_application_is_refused() {
      given(applied(), approved())
          .when(issueCredit("2026-02-01"))
          .thenRejectedWith(INVALID_DATE, "issuedOn");
    }

    @Test
    void an_application_is_approved_before_the_credit_is_issued() {
      given(applied()).when(issueCredit("2026-02-05")).thenRejectedWith(ILLEGAL_STATE, "APPLIED");
    }

    @Test
    void a_credit_is_issued_once() {
      given(applied(), approved(), issued())
          .when(issueCredit("2026-02-06"))
          .thenRejectedWith(ILLEGAL_STATE, "ISSUED");
    }
  }

  @Nested
  class Advising {

    @Test
    void the_advising_bank_advises_the_issued_credit() {
      given(applied(), approved(), issued())
          .when(adviseCredit("2026-02-06"))
          .thenEvents(new CreditAdvised(ADVISING_BANK, ADVISED_ON));
    }

    @Test
    void advice_dated_before_issue_is_refused() {
      given(applied(), approved(), issued())
          .when(adviseCredit("2026-02-04"))
          .thenRejectedWith(INVALID_DATE, "advisedOn");
    }

    @Test
    void a_credit_not_yet_issued_cannot_be_advised() {
      given(applied(), approved())
          .when(adviseCredit("2026-02-06"))
          .thenRejectedWith(ILLEGAL_STATE, "APPROVED");
    }

    @Test
    void a_credit_is_advised_once() {
      given(applied(), approved(), issued(), advised())
          .when(adviseCredit("2026-02-09"))
          .thenRejectedWith(ILLEGAL_STATE, "ADVISED");
    }
  }

  @Nested
  class Confirming {

    @Test
    void a_bank_adds_its_confirmation_when_the_credit_says_it_may() {
      given(applied(), approved(), issued(), advised())
          .when(confirmCredit("2026-02-09"))
          .thenEvents(new CreditConfirmed(CONFIRMING_BANK, CONFIRMED_ON));
    }

    @Test
    void a_bank_adds_its_confirmation_when_the_credit_asks_for_it() {
      given(
              applied(terms().confirmation(ConfirmationInstruction.CONFIRM)),
              approved(),
              issued(),
              advised())
          .when(confirmCredit("2026-02-09"))
          .thenEvents(new CreditConfirmed(CONFIRMING_BANK, CONFIRMED_ON));
    }

    @Test
    void a_credit_issued_without_confirmation_instructions_is_not_confirmed() {
      given(
              applied(terms().confirmation(ConfirmationInstruction.WITHOUT)),
              approved(),
              issued(),
              advised())
          .when(confirmCredit("2026-02-09"))
          .thenRejectedWith(CONFIRMATION_NOT_REQUESTED, "WITHOUT");
    }

    @Test
    void confirmation_dated_before_issue_is_refused() {
      given(applied(), approved(), issued(), advised())
          .when(confirmCredit("2026-02-04"))
          .thenRejectedWith(INVALID_DATE, "confirmedOn");
    }

    @Test
    void a_credit_is_advised_before_it_is_confirmed() {
      given(applied(), approved(), issued())
          .when(confirmCredit("2026-02-09"))
          .thenRejectedWith(ILLEGAL_STATE, "ISSUED");
    }

    @Test
    void a_credit_is_confirmed_once() {
      given(applied(), approved(), issued(), advised(), confirmed())
          .when(confirmCredit("2026-02-10"))
          .thenRejectedWith(ILLEGAL_STATE, "CONFIRMED");
    }
  }
}
