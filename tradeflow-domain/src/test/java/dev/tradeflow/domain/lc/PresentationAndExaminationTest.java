package dev.tradeflow.domain.lc;

import static dev.tradeflow.domain.lc.LcExamples.*;
import static dev.tradeflow.domain.lc.LcFixture.given;
import static dev.tradeflow.domain.lc.RejectionCode.*;

import dev.tradeflow.domain.lc.LcEvent.DocumentsPresented;
import dev.tradeflow.domain.lc.LcEvent.ExaminationRecorded;
import dev.tradeflow.domain.money.Money;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Presenting documents (UCP 600 art. 6(e), 14(c), 29(a), 30, 31) and recording their examination
 * (art. 14(b)).
 */
class PresentationAndExaminationTest {

  @Nested
  class Presenting {

    @Test
    void documents_are_presented_and_must_be_examined_within_five_banking_days() {
      given(applied(), approved(), issued())
          .when(presentDocuments())
          .thenEvents(
              new DocumentsPresented(
                  P1,
                  usd("40000.00"),
                  date("2026-03-02"),
                  date("2026-03-10"),
                  null,
                  date("2026-03-17"),
                  null));
    }

    @Test
    void the_documents_particulars_are_recorded_with_the_presentation() {
      DocumentParticulars shown =
          new DocumentParticulars(
              List.of(
                  new TradeDocument(
                      TradeDocument.Kind.BILL_OF_LADING, "MAEU240518877", "Maersk A/S")),
              new ShipmentTerms(
                  null, "COCTG", "GBFXT", List.of(), new Vessel("MAERSK SELETAR", "9356646")));
      given(applied(), approved(), issued())
          .when(presentDocuments(particulars(shown)))
          .thenEvents(presented(particulars(shown), examinationDeadline("2026-03-17")));
    }

    @Test
    void documents_may_be_presented_on_the_day_of_shipment() {
      given(applied(), approved(), issued(), advised(), confirmed())
          .when(presentDocuments(shippedOn("2026-03-10"), presentedOn("2026-03-10")))
          .thenEvents(
              presented(
                  shippedOn("2026-03-10"),
                  presentedOn("2026-03-10"),
                  examinationDeadline("2026-03-17")));
    }

    @Test
    void a_credit_not_yet_issued_takes_no_presentation() {
      given(applied(), approved())
          .when(presentDocuments())
          .thenRejectedWith(ILLEGAL_STATE, "APPROVED");
    }

    @Test
    void an_expired_credit_takes_no_presentation() {
      given(applied(), approved(), issued(), expired("2026-07-01"))
          .when(presentDocuments(shippedOn("2026-06-25"), presentedOn("2026-07-02")))
          .thenRejectedWith(ILLEGAL_STATE, "EXPIRED");
    }

    @Test
    void a_cancelled_credit_takes_no_presentation() {
      given(applied(), approved(), issued(), cancelled("agreed", "2026-03-01"))
          .when(presentDocuments())
          .thenRejectedWith(ILLEGAL_STATE, "CANCELLED");
    }

    @Test
    void a_presentation_id_is_used_once() {
      given(applied(), approved(), issued(), presented())
          .when(presentDocuments(drawing("10000.00"), presentedOn("2026-03-11")))
          .thenRejectedWith(PRESENTATION_ALREADY_EXISTS, "P1");
    }

    @Test
    void a_drawing_is_in_the_credit_currency() {
      given(applied(), approved(), issued())
          .when(presentDocuments(drawing(Money.of("40000.00", "EUR"))))
          .thenRejectedWith(CURRENCY_MISMATCH, "EUR given; the credit is in USD");
    }

    @Test
    void a_drawing_of_nothing_is_refused() {
      given(applied(), approved(), issued())
          .when(presentDocuments(drawing("0.00")))
          .thenRejectedWith(INVALID_AMOUNT);
    }

    @Test
    void a_negative_drawing_is_refused() {
      given(applied(), approved(), issued())
          .when(presentDocuments(drawing("-1.00")))
          .thenRejectedWith(INVALID_AMOUNT);
    }

    @Test
    void a_presentation_dated_before_issue_is_refused() {
      given(applied(), approved(), issued())
          .when(presentDocuments(shippedOn("2026-01-20"), presentedOn("2026-02-04")))
          .thenRejectedWith(INVALID_DATE, "issuedOn");
    }

    @Test
    void documents_cannot_be_presented_before_the_goods_are_shipped() {
      given(applied(), approved(), issued())
          .when(presentDocuments(shippedOn("2026-03-12"), presentedOn("2026-03-10")))
          .thenRejectedWith(INVALID_DATE, "shipmentDate");
    }
  }

  /** Art. 6(e) and 29(a): presentation on or before the expiry date, moved to a banking day. */
  @Nested
  class Expiry {

    @Test
    void art6e_presentation_on_the_expiry_date_is_accepted() {
      given(applied(), approved(), issued())
          .when(presentDocuments(shippedOn("2026-06-15"), presentedOn("2026-06-30")))
          .thenEvents(
              presented(
                  shippedOn("2026-06-15"),
                  presentedOn("2026-06-30"),
                  examinationDeadline("2026-07-07")));
    }

    @Test
    void art6e_presentation_the_day_after_expiry_is_refused() {
      given(applied(), approved(), issued())
          .when(presentDocuments(shippedOn("2026-06-15"), presentedOn("2026-07-01")))
          .thenRejectedWith(
              UCP600_ART6E_PRESENTED_AFTER_EXPIRY, "after the expiry date 2026-06-30");
    }

    @Test
    void art29a_presentation_on_the_monday_after_a_saturday_expiry_is_accepted() {
      given(applied(terms().expiring("2026-10-31")), approved(), issued("2026-11-02"))
          .when(presentDocuments(shippedOn("2026-10-20"), presentedOn("2026-11-02")))
          .thenEvents(
              presented(
                  shippedOn("2026-10-20"),
                  presentedOn("2026-11-02"),
                  examinationDeadline("2026-11-09")));
    }

    @Test
    void art29a_presentation_the_day_after_the_extended_expiry_is_refused() {
      given(applied(terms().expiring("2026-10-31")), approved(), issued("2026-11-02"))
          .when(presentDocuments(shippedOn("2026-10-20"), presentedOn("2026-11-03")))
          .thenRejectedWith(UCP600_ART6E_PRESENTED_AFTER_EXPIRY, "2026-11-02");
    }

    @Test
    void art29a_an_expiry_on_a_london_holiday_takes_presentations_on_the_next_banking_day() {
      given(applied(terms().expiring("2026-12-25")), approved(), issued("2026-12-29"))
          .when(presentDocuments(shippedOn("2026-12-10"), presentedOn("2026-12-29")))
          .thenEvents(
              presented(
                  shippedOn("2026-12-10"),
                  presentedOn("2026-12-29"),
                  examinationDeadline("2027-01-06")));
    }

    @Test
    void art29a_the_day_after_the_holiday_extension_is_too_late() {
      given(applied(terms().expiring("2026-12-25")), approved(), issued("2026-12-29"))
          .when(presentDocuments(shippedOn("2026-12-10"), presentedOn("2026-12-30")))
          .thenRejectedWith(UCP600_ART6E_PRESENTED_AFTER_EXPIRY);
    }
  }

  /** Art. 14(c): within 21 calendar days after shipment (or the credit's own period). */
  @Nested
  class PresentationPeriod {

    @Test
    void art14c_presentation_on_the_21st_day_after_shipment_is_accepted() {
      given(applied(), approved(), issued())
          .when(presentDocuments(shippedOn("2026-03-02"), presentedOn("2026-03-23")))
          .thenEvents(
              presented(
                  shippedOn("2026-03-02"),
                  presentedOn("2026-03-23"),
                  examinationDeadline("2026-03-30")));
    }

    @Test
    void art14c_presentation_on_the_22nd_day_after_shipment_is_refused() {
      given(applied(), approved(), issued())
          .when(presentDocuments(shippedOn("2026-03-02"), presentedOn("2026-03-24")))
          .thenRejectedWith(UCP600_ART14C_LATE_PRESENTATION, "the last day was 2026-03-23");
    }

    @Test
    void presentation_more_than_21_days_after_shipment_is_refused() {
      given(applied(), approved(), issued())
          .when(presentDocuments(shippedOn("2026-03-01"), presentedOn("2026-03-25")))
          .thenRejectedWith(UCP600_ART14C_LATE_PRESENTATION);
    }

    @Test
    void art29a_a_21st_day_falling_on_a_sunday_moves_to_the_monday() {
      given(applied(), approved(), issued())
          .when(presentDocuments(shippedOn("2026-03-01"), presentedOn("2026-03-23")))
          .thenEvents(
              presented(
                  shippedOn("2026-03-01"),
                  presentedOn("2026-03-23"),
                  examinationDeadline("2026-03-30")));
    }

    @Test
    void art29a_the_tuesday_after_a_sunday_21st_day_is_too_late() {
      given(applied(), approved(), issued())
          .when(presentDocuments(shippedOn("2026-03-01"), presentedOn("2026-03-24")))
          .thenRejectedWith(UCP600_ART14C_LATE_PRESENTATION, "the last day was 2026-03-23");
    }

    @Test
    void art14c_a_credit_stating_ten_days_takes_presentations_on_the_tenth_day() {
      given(applied(terms().presentationPeriodDays(10)), approved(), issued())
          .when(presentDocuments(shippedOn("2026-03-02"), presentedOn("2026-03-12")))
          .thenEvents(
              presented(
                  shippedOn("2026-03-02"),
                  presentedOn("2026-03-12"),
                  examinationDeadline("2026-03-19")));
    }

    @Test
    void art14c_a_credit_stating_ten_days_refuses_the_eleventh() {
      given(applied(terms().presentationPeriodDays(10)), approved(), issued())
          .when(presentDocuments(shippedOn("2026-03-02"), presentedOn("2026-03-13")))
          .thenRejectedWith(UCP600_ART14C_LATE_PRESENTATION, "more than 10 days");
    }
  }

  /** Art. 30: the amount and the quantity with their tolerances. */
  @Nested
  class Tolerances {

    @Test
    void art30_without_a_tolerance_the_credit_amount_may_be_drawn_in_full() {
      given(applied(), approved(), issued())
          .when(presentDocuments(drawing("100000.00")))
          .thenEvents(presented(drawing("100000.00")));
    }

    @Test
    void art30_without_a_tolerance_a_cent_more_than_the_amount_is_overdrawn() {
      given(applied(), approved(), issued())
          .when(presentDocuments(drawing("100000.01")))
          .thenRejectedWith(UCP600_ART30_OVERDRAWN, "over the maximum USD 100000.00");
    }

    @Test
    void art30a_about_allows_ten_percent_more() {
      given(applied(terms().tolerance(Tolerance.ABOUT)), approved(), issued())
          .when(presentDocuments(drawing("110000.00")))
          .thenEvents(presented(drawing("110000.00")));
    }

    @Test
    void art30a_about_allows_no_more_than_ten_percent_more() {
      given(applied(terms().tolerance(Tolerance.ABOUT)), approved(), issued())
          .when(presentDocuments(drawing("110000.01")))
          .thenRejectedWith(UCP600_ART30_OVERDRAWN, "USD 110000.00");
    }

    @Test
    void art30a_about_on_a_yen_credit_is_counted_in_whole_yen() {
      given(
              applied(terms().amount(Money.of("15000000", "JPY")).tolerance(Tolerance.ABOUT)),
              approved(),
              issued())
          .when(presentDocuments(drawing(Money.of("16500001", "JPY"))))
          .thenRejectedWith(UCP600_ART30_OVERDRAWN, "over the maximum JPY 16500000");
    }

    @Test
    void art30_an_explicit_five_percent_tolerance_allows_five_percent_more() {
      given(applied(terms().tolerance(new Tolerance(5, 5))), approved(), issued())
          .when(presentDocuments(drawing("105000.00")))
          .thenEvents(presented(drawing("105000.00")));
    }

    @Test
    void art30_an_explicit_five_percent_tolerance_refuses_anything_beyond() {
      given(applied(terms().tolerance(new Tolerance(5, 5))), approved(), issued())
          .when(presentDocuments(drawing("105000.01")))
          .thenRejectedWith(UCP600_ART30_OVERDRAWN, "USD 105000.00");
    }

    @Test
    void art30_drawings_add_up_to_the_amount() {
      given(
              applied(),
              approved(),
              issued(),
              presented(drawing("60000.00")),
              presented(presentation(P2), drawing("35000.00"), presentedOn("2026-03-11")))
          .when(presentDocuments(presentation(P3), drawing("5000.00"), presentedOn("2026-03-12")))
          .thenEvents(presented(presentation(P3), drawing("5000.00"), presentedOn("2026-03-12")));
    }

    @Test
    void art30_drawings_together_may_not_exceed_the_amount() {
      given(
              applied(),
              approved(),
              issued(),
              presented(drawing("60000.00")),
              presented(presentation(P2), drawing("35000.00"), presentedOn("2026-03-11")))
          .when(presentDocuments(presentation(P3), drawing("5000.01"), presentedOn("2026-03-12")))
          .thenRejectedWith(UCP600_ART30_OVERDRAWN, "would bring the total to USD 100000.01");
    }

    @Test
    void art30_a_refused_drawing_frees_its_amount() {
      given(
              applied(),
              approved(),
              issued(),
              presented(drawing("100000.00")),
              examined("2026-03-11", LATE_SHIPMENT),
              refused("2026-03-12", LATE_SHIPMENT))
          .when(presentDocuments(presentation(P2), drawing("100000.00"), presentedOn("2026-03-13")))
          .thenEvents(presented(presentation(P2), drawing("100000.00"), presentedOn("2026-03-13")));
    }

    @Test
    void art30_a_drawing_still_under_examination_holds_its_amount() {
      given(applied(), approved(), issued(), presented(drawing("100000.00")))
          .when(presentDocuments(presentation(P2), drawing("0.01"), presentedOn("2026-03-11")))
          .thenRejectedWith(UCP600_ART30_OVERDRAWN);
    }

    @Test
    void art30b_five_percent_less_of_the_quantity_may_be_shipped() {
      given(applied(fullShipmentOf("1000", false, false)), approved(), issued())
          .when(presentDocuments(drawing("100000.00"), quantity("950")))
          .thenEvents(presented(drawing("100000.00"), quantity("950")));
    }

    @Test
    void art30b_five_percent_more_of_the_quantity_may_be_shipped() {
      given(applied(fullShipmentOf("1000", false, false)), approved(), issued())
          .when(presentDocuments(drawing("100000.00"), quantity("1050.000")))
          .thenEvents(presented(drawing("100000.00"), quantity("1050")));
    }

    @Test
    void art30b_a_shortfall_beyond_five_percent_is_refused() {
      given(applied(fullShipmentOf("1000", false, false)), approved(), issued())
          .when(presentDocuments(drawing("100000.00"), quantity("949.99")))
          .thenRejectedWith(UCP600_ART30_QUANTITY_OUT_OF_TOLERANCE, "against 1000 ±5%");
    }

    @Test
    void art30b_an_excess_beyond_five_percent_is_refused() {
      given(applied(fullShipmentOf("1000", false, false)), approved(), issued())
          .when(presentDocuments(drawing("100000.00"), quantity("1050.01")))
          .thenRejectedWith(UCP600_ART30_QUANTITY_OUT_OF_TOLERANCE);
    }

    @Test
    void art30a_about_a_quantity_allows_ten_percent_either_way() {
      given(applied(fullShipmentOf("1000", true, false)), approved(), issued())
          .when(presentDocuments(drawing("100000.00"), quantity("900")))
          .thenEvents(presented(drawing("100000.00"), quantity("900")));
    }

    @Test
    void art30a_about_a_quantity_allows_no_more_than_ten_percent() {
      given(applied(fullShipmentOf("1000", true, false)), approved(), issued())
          .when(presentDocuments(drawing("100000.00"), quantity("1100.5")))
          .thenRejectedWith(UCP600_ART30_QUANTITY_OUT_OF_TOLERANCE, "±10%");
    }

    @Test
    void art30b_a_quantity_counted_in_units_is_shipped_exactly() {
      given(applied(fullShipmentOf("1000", false, true)), approved(), issued())
          .when(presentDocuments(drawing("100000.00"), quantity("1000")))
          .thenEvents(presented(drawing("100000.00"), quantity("1000")));
    }

    @Test
    void art30b_a_quantity_counted_in_units_has_no_tolerance() {
      given(applied(fullShipmentOf("1000", false, true)), approved(), issued())
          .when(presentDocuments(drawing("100000.00"), quantity("999")))
          .thenRejectedWith(UCP600_ART30_QUANTITY_OUT_OF_TOLERANCE, "±0%");
    }

    @Test
    void a_presentation_stating_no_quantity_is_not_measured() {
      given(applied(fullShipmentOf("1000", false, true)), approved(), issued())
          .when(presentDocuments(drawing("100000.00")))
          .thenEvents(presented(drawing("100000.00")));
    }

    @Test
    void art31a_a_partial_shipment_is_not_held_to_the_full_quantity() {
      given(applied(terms().quantity("1000", "MT", false, false)), approved(), issued())
          .when(presentDocuments(drawing("40000.00"), quantity("400")))
          .thenEvents(presented(drawing("40000.00"), quantity("400")));
    }

    @Test
    void art30b_partial_shipments_together_may_reach_five_percent_more() {
      given(
              applied(terms().quantity("1000", "MT", false, false)),
              approved(),
              issued(),
              presented(drawing("60000.00"), quantity("600")))
          .when(
              presentDocuments(
                  presentation(P2),
                  drawing("40000.00"),
                  quantity("450"),
                  presentedOn("2026-03-11")))
          .thenEvents(
              presented(
                  presentation(P2),
                  drawing("40000.00"),
                  quantity("450"),
                  presentedOn("2026-03-11")));
    }

    @Test
    void art30b_partial_shipments_together_may_not_exceed_five_percent_more() {
      given(
              applied(terms().quantity("1000", "MT", false, false)),
              approved(),
              issued(),
              presented(drawing("60000.00"), quantity("600")))
          .when(
              presentDocuments(
                  presentation(P2),
                  drawing("40000.00"),
                  quantity("451"),
                  presentedOn("2026-03-11")))
          .thenRejectedWith(UCP600_ART30_QUANTITY_OUT_OF_TOLERANCE, "1051");
    }

    @Test
    void art30b_a_refused_shipment_does_not_count_towards_the_quantity() {
      given(
              applied(terms().quantity("1000", "MT", false, false)),
              approved(),
              issued(),
              presented(drawing("60000.00"), quantity("600")),
              examined("2026-03-11", LATE_SHIPMENT),
              refused("2026-03-12", LATE_SHIPMENT))
          .when(
              presentDocuments(
                  presentation(P2),
                  drawing("100000.00"),
                  quantity("1000"),
                  presentedOn("2026-03-13")))
          .thenEvents(
              presented(
                  presentation(P2),
                  drawing("100000.00"),
                  quantity("1000"),
                  presentedOn("2026-03-13")));
    }

    private static Terms fullShipmentOf(String quantity, boolean about, boolean countedInUnits) {
      return terms()
          .partialDrawingsProhibited()
          .quantity(quantity, countedInUnits ? "cartons" : "MT", about, countedInUnits);
    }
  }

  /** Art. 31: partial drawings unless the credit prohibits them. */
  @Nested
  class PartialDrawings {

    @Test
    void art31a_partial_drawings_are_allowed_unless_prohibited() {
      given(applied(), approved(), issued(), presented(drawing("40000.00")))
          .when(presentDocuments(presentation(P2), drawing("30000.00"), presentedOn("2026-03-11")))
          .thenEvents(presented(presentation(P2), drawing("30000.00"), presentedOn("2026-03-11")));
    }

    @Test
    void art31_a_second_drawing_is_refused_when_partial_drawings_are_prohibited() {
      given(
              applied(terms().partialDrawingsProhibited()),
              approved(),
              issued(),
              presented(drawing("100000.00")))
          .when(presentDocuments(presentation(P2), drawing("1.00"), presentedOn("2026-03-11")))
          .thenRejectedWith(UCP600_ART31_PARTIAL_DRAWING_PROHIBITED, "already presented");
    }

    @Test
    void art31_the_full_drawing_may_be_presented_again_after_a_refusal() {
      given(
              applied(terms().partialDrawingsProhibited()),
              approved(),
              issued(),
              presented(drawing("100000.00")),
              examined("2026-03-11", LATE_SHIPMENT),
              refused("2026-03-12", LATE_SHIPMENT))
          .when(presentDocuments(presentation(P2), drawing("100000.00"), presentedOn("2026-03-13")))
          .thenEvents(presented(presentation(P2), drawing("100000.00"), presentedOn("2026-03-13")));
    }

    @Test
    void art31_a_partial_first_drawing_is_refused_when_partial_drawings_are_prohibited() {
      given(applied(terms().partialDrawingsProhibited()), approved(), issued())
          .when(presentDocuments(drawing("50000.00")))
          .thenRejectedWith(
              UCP600_ART31_PARTIAL_DRAWING_PROHIBITED, "below the full drawing of at least");
    }

    @Test
    void art30c_five_percent_less_counts_as_the_full_drawing() {
      given(applied(terms().partialDrawingsProhibited()), approved(), issued())
          .when(presentDocuments(drawing("95000.00")))
          .thenEvents(presented(drawing("95000.00")));
    }

    @Test
    void art30c_a_cent_more_than_five_percent_less_is_a_partial_drawing() {
      given(applied(terms().partialDrawingsProhibited()), approved(), issued())
          .when(presentDocuments(drawing("94999.99")))
          .thenRejectedWith(UCP600_ART31_PARTIAL_DRAWING_PROHIBITED, "USD 95000.00");
    }

    @Test
    void art30a_about_lets_a_full_drawing_fall_ten_percent_short() {
      given(
              applied(terms().partialDrawingsProhibited().tolerance(Tolerance.ABOUT)),
              approved(),
              issued())
          .when(presentDocuments(drawing("90000.00")))
          .thenEvents(presented(drawing("90000.00")));
    }

    @Test
    void art30a_about_lets_a_full_drawing_fall_no_more_than_ten_percent_short() {
      given(
              applied(terms().partialDrawingsProhibited().tolerance(Tolerance.ABOUT)),
              approved(),
              issued())
          .when(presentDocuments(drawing("89999.99")))
          .thenRejectedWith(UCP600_ART31_PARTIAL_DRAWING_PROHIBITED);
    }

    @Test
    void art30c_a_stated_tolerance_replaces_the_five_percent_less() {
      given(
              applied(terms().partialDrawingsProhibited().tolerance(new Tolerance(10, 0))),
              approved(),
              issued())
          .when(presentDocuments(drawing("99999.99")))
          .thenRejectedWith(UCP600_ART31_PARTIAL_DRAWING_PROHIBITED, "USD 100000.00");
    }
  }

  /** Art. 14(b): a maximum of five banking days following the day of presentation. */
  @Nested
  class Examining {

    @Test
    void a_complying_presentation_is_recorded_without_discrepancies() {
      given(applied(), approved(), issued(), presented())
          .when(examine("2026-03-11"))
          .thenEvents(new ExaminationRecorded(P1, date("2026-03-11"), List.of()));
    }

    @Test
    void a_discrepant_presentation_is_recorded_with_every_discrepancy() {
      given(applied(), approved(), issued(), presented())
          .when(examine("2026-03-11", LATE_SHIPMENT, INVOICE_NOT_SIGNED))
          .thenEvents(
              new ExaminationRecorded(
                  P1, date("2026-03-11"), List.of(LATE_SHIPMENT, INVOICE_NOT_SIGNED)));
    }

    @Test
    void documents_may_be_examined_on_the_day_they_are_presented() {
      given(applied(), approved(), issued(), presented())
          .when(examine("2026-03-10", LATE_SHIPMENT))
          .thenEvents(examined("2026-03-10", LATE_SHIPMENT));
    }

    @Test
    void art14b_the_deadline_skips_the_weekend() {
      given(applied(), approved(), issued())
          .when(presentDocuments(shippedOn("2026-03-02"), presentedOn("2026-03-13")))
          .thenEvents(
              presented(
                  shippedOn("2026-03-02"),
                  presentedOn("2026-03-13"),
                  examinationDeadline("2026-03-20")));
    }

    @Test
    void art14b_the_deadline_skips_christmas_the_weekend_and_the_boxing_day_holiday() {
      given(applied(terms().expiring("2027-03-31")), approved(), issued("2027-03-31"))
          .when(presentDocuments(shippedOn("2026-12-10"), presentedOn("2026-12-22")))
          .thenEvents(
              presented(
                  shippedOn("2026-12-10"),
                  presentedOn("2026-12-22"),
                  examinationDeadline("2026-12-31")));
    }

    @Test
    void art14b_documents_received_on_a_saturday_count_from_monday() {
      given(applied(), approved(), issued())
          .when(presentDocuments(shippedOn("2026-03-02"), presentedOn("2026-03-14")))
          .thenEvents(
              presented(
                  shippedOn("2026-03-02"),
                  presentedOn("2026-03-14"),
                  examinationDeadline("2026-03-23")));
    }

    @Test
    void art14b_the_deadline_skips_new_years_day() {
      given(applied(terms().expiring("2027-03-31")), approved(), issued("2027-03-31"))
          .when(presentDocuments(shippedOn("2026-12-10"), presentedOn("2026-12-24")))
          .thenEvents(
              presented(
                  shippedOn("2026-12-10"),
                  presentedOn("2026-12-24"),
                  examinationDeadline("2027-01-05")));
    }

    @Test
    void art14b_banking_days_are_counted_where_the_credit_expires() {
      given(
              applied(terms().expiring("2027-03-31").expiringAt("US-NYC")),
              approved(),
              issued("2027-03-31"))
          .when(presentDocuments(shippedOn("2026-12-10"), presentedOn("2026-12-24")))
          .thenEvents(
              new DocumentsPresented(
                  P1,
                  usd("40000.00"),
                  date("2026-12-10"),
                  date("2026-12-24"),
                  null,
                  date("2026-12-31"),
                  null));
    }

    @Test
    void art14b_discrepancies_may_be_recorded_on_the_fifth_banking_day() {
      given(applied(), approved(), issued(), presented())
          .when(examine("2026-03-17", LATE_SHIPMENT))
          .thenEvents(examined("2026-03-17", LATE_SHIPMENT));
    }

    @Test
    void art14b_discrepancies_found_after_the_fifth_banking_day_are_refused() {
      given(applied(), approved(), issued(), presented())
          .when(examine("2026-03-18", LATE_SHIPMENT))
          .thenRejectedWith(UCP600_ART14B_EXAMINATION_PERIOD_EXCEEDED, "2026-03-17");
    }

    @Test
    void art14b_a_late_finding_that_the_documents_comply_is_still_recorded() {
      given(applied(), approved(), issued(), presented())
          .when(examine("2026-03-18"))
          .thenEvents(examined("2026-03-18"));
    }

    @Test
    void art14b_over_christmas_the_fifth_banking_day_is_new_years_eve() {
      given(
              applied(terms().expiring("2027-03-31")),
              approved(),
              issued("2027-03-31"),
              presented(shippedOn("2026-12-10"), presentedOn("2026-12-22")))
          .when(examine("2026-12-31", LATE_SHIPMENT))
          .thenEvents(examined("2026-12-31", LATE_SHIPMENT));
    }

    @Test
    void art14b_over_christmas_discrepancies_in_the_new_year_are_too_late() {
      given(
              applied(terms().expiring("2027-03-31")),
              approved(),
              issued("2027-03-31"),
              presented(shippedOn("2026-12-10"), presentedOn("2026-12-22")))
          .when(examine("2027-01-04", LATE_SHIPMENT))
          .thenRejectedWith(UCP600_ART14B_EXAMINATION_PERIOD_EXCEEDED);
    }

    @Test
    void an_examination_needs_a_presentation() {
      given(applied(), approved(), issued(), presented())
          .when(examine(P2, "2026-03-11"))
          .thenRejectedWith(PRESENTATION_NOT_FOUND, "P2");
    }

    @Test
    void documents_are_examined_once() {
      given(applied(), approved(), issued(), presented(), examined("2026-03-11"))
          .when(examine("2026-03-12", LATE_SHIPMENT))
          .thenRejectedWith(ILLEGAL_STATE, "COMPLYING");
    }

    @Test
    void an_examination_dated_before_the_presentation_is_refused() {
      given(applied(), approved(), issued(), presented())
          .when(examine("2026-03-09"))
          .thenRejectedWith(INVALID_DATE, "examinedOn");
    }
  }
}
