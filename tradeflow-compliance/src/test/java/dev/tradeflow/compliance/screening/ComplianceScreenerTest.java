package dev.tradeflow.compliance.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.tradeflow.compliance.Severity;
import dev.tradeflow.compliance.sanctions.MatchThresholds;
import dev.tradeflow.compliance.sanctions.SanctionsList;
import dev.tradeflow.compliance.sanctions.SanctionsScreener;
import dev.tradeflow.domain.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ComplianceScreenerTest {

  private static SanctionsScreener sanctions;
  private final Map<DocumentReference, String> seen = new HashMap<>();
  private ComplianceScreener screener;

  @BeforeAll
  static void loadList() {
    sanctions = SanctionsScreener.of(SanctionsList.bundledSnapshot(), MatchThresholds.DEFAULT);
  }

  private ComplianceScreener screener() {
    if (screener == null) {
      screener =
          new ComplianceScreener(
              sanctions,
              ComplianceRules.defaults(),
              (document, reference) ->
                  Optional.ofNullable(seen.putIfAbsent(document, reference))
                      .filter(first -> !first.equals(reference)));
    }
    return screener;
  }

  /** A coffee import from Colombia to the UK, nothing wrong with it. */
  private static Trade trade() {
    return new Trade();
  }

  private static final class Trade {
    String reference = "LC-1";
    List<ScreenedParty> parties =
        new ArrayList<>(
            List.of(
                ScreenedParty.of(PartyRole.APPLICANT, "Harbourside Roasters Ltd", "GB"),
                ScreenedParty.of(PartyRole.BENEFICIARY, "Cafe Andino Exportadora SAS", "CO"),
                ScreenedParty.bank(PartyRole.ISSUING_BANK, "Example Bank plc", "EXMPGB2L"),
                ScreenedParty.bank(PartyRole.ADVISING_BANK, "Banco Ejemplo", "EJMPCOBB")));
    Goods goods =
        new Goods(
            "Green arabica coffee beans",
            Optional.of("090111"),
            Optional.of(new BigDecimal("20000")),
            Optional.of("KG"),
            Money.of("90000", "USD"));
    Shipment shipment = new Shipment(Optional.of("COCTG"), Optional.of("GBFXT"), List.of());
    List<DocumentReference> documents = new ArrayList<>();
    int amendments;

    TradeScreeningRequest request() {
      return new TradeScreeningRequest(
          reference, parties, Optional.of(goods), shipment, documents, amendments);
    }
  }

  private ScreeningReport screen(Trade trade) {
    return screener().screen(trade.request());
  }

  @Test
  void a_clean_trade_is_clear_and_names_the_list_it_ran_against() {
    ScreeningReport report = screen(trade());
    assertThat(report.findings()).isEmpty();
    assertThat(report.outcome()).isEqualTo(Severity.CLEAR);
    assertThat(report.list().entries()).isEqualTo(8976);
  }

  @Test
  void a_listed_beneficiary_blocks_with_the_entry_as_evidence() {
    Trade trade = trade();
    trade.parties.set(1, ScreenedParty.of(PartyRole.BENEFICIARY, "Banco Nacional de Cuba", "ES"));
    ScreeningReport report = screen(trade);
    assertThat(report.outcome()).isEqualTo(Severity.BLOCK);
    Finding finding = report.findings().get(0);
    assertThat(finding.rule()).isEqualTo(RuleId.SANCTIONS_NAME);
    assertThat(finding.subject()).isEqualTo("beneficiary \"Banco Nacional de Cuba\"");
    assertThat(finding.evidence()).contains("SDN-306").contains("[CUBA]");
  }

  @Test
  void a_listed_bic_or_vessel_imo_is_an_identifier_hit() {
    Trade trade = trade();
    trade.parties.set(3, ScreenedParty.bank(PartyRole.ADVISING_BANK, "Some Bank", "HAVIGB2L"));
    trade.parties.add(ScreenedParty.vessel("Ocean Star", Optional.of("9187629")));
    List<Finding> findings = screen(trade).findings();
    assertThat(findings)
        .filteredOn(f -> f.rule() == RuleId.SANCTIONS_IDENTIFIER)
        .extracting(Finding::subject)
        .containsExactlyInAnyOrder("advising bank \"Some Bank\"", "vessel \"Ocean Star\"");
  }

  @Test
  void sanctioned_jurisdictions_block_and_high_risk_ones_need_review() {
    Trade trade = trade();
    trade.parties.set(1, ScreenedParty.of(PartyRole.BENEFICIARY, "Tehran Textile Co", "IR"));
    trade.shipment = new Shipment(Optional.of("VELAG"), Optional.of("GBFXT"), List.of());
    List<Finding> findings = screen(trade).findings();
    assertThat(findings)
        .extracting(Finding::rule, Finding::severity, Finding::subject)
        .contains(
            tuple(
                RuleId.JURISDICTION_SANCTIONED,
                Severity.BLOCK,
                "beneficiary \"Tehran Textile Co\""),
            tuple(RuleId.JURISDICTION_HIGH_RISK, Severity.REVIEW, "port of loading VELAG"));
  }

  @Test
  void a_unit_price_outside_the_commodity_band_is_over_or_under_invoicing() {
    Trade over = trade();
    over.goods =
        new Goods(
            "Green arabica coffee beans",
            Optional.of("090111"),
            Optional.of(new BigDecimal("1000")),
            Optional.of("kg"),
            Money.of("90000", "USD"));
    Finding finding = screen(over).findings().get(0);
    assertThat(finding.rule()).isEqualTo(RuleId.TBML_PRICE_OUT_OF_BAND);
    assertThat(finding.evidence())
        .isEqualTo(
            "unit price 90 USD/KG is above the coffee band 1.50-15 (possible over-invoicing)");
    assertThat(finding.score()).isBetween(0.9, 1.0);

    Trade under = trade();
    under.goods =
        new Goods(
            "Gold bars",
            Optional.of("710812"),
            Optional.of(new BigDecimal("10000")),
            Optional.of("G"),
            Money.of("50000", "USD"));
    assertThat(screen(under).findings().get(0).evidence())
        .startsWith("unit price 5 USD/G is below the gold band 40-200");
  }

  @Test
  void without_a_band_in_the_same_currency_and_unit_price_is_not_judged() {
    Trade euros = trade();
    euros.goods =
        new Goods(
            "Green arabica coffee beans",
            Optional.of("090111"),
            Optional.of(new BigDecimal("1")),
            Optional.of("KG"),
            Money.of("90000", "EUR"));
    assertThat(screen(euros).findings()).isEmpty();
  }

  @Test
  void dual_use_goods_are_found_by_hs_code_or_by_a_word_in_the_description() {
    Trade byCode = trade();
    byCode.goods =
        new Goods(
            "Industrial parts",
            Optional.of("840120"),
            Optional.empty(),
            Optional.empty(),
            Money.of("5000", "USD"));
    assertThat(screen(byCode).findings())
        .extracting(Finding::evidence)
        .containsExactly("HS 8401 is on the dual-use list");
    Trade byWord = trade();
    byWord.goods =
        new Goods(
            "Agricultural drones and spare parts",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Money.of("5000", "USD"));
    assertThat(screen(byWord).findings())
        .extracting(Finding::evidence)
        .containsExactly("the description names \"drone\", a dual-use item");
    Trade notAWord = trade();
    notAWord.goods =
        new Goods(
            "Droneship mooring lines",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Money.of("5000", "USD"));
    assertThat(screen(notAWord).findings()).isEmpty();
  }

  @Test
  void a_document_under_a_second_credit_is_a_duplicate_but_not_under_the_same_one() {
    Trade first = trade();
    first.documents.add(
        new DocumentReference(DocumentReference.Kind.INVOICE, "Cafe Andino", "INV-7"));
    assertThat(screen(first).findings()).isEmpty();
    assertThat(screen(first).findings()).isEmpty();
    Trade second = trade();
    second.reference = "LC-2";
    second.documents.add(
        new DocumentReference(DocumentReference.Kind.INVOICE, "cafe andino ", "inv-7"));
    Finding finding = screen(second).findings().get(0);
    assertThat(finding.rule()).isEqualTo(RuleId.TBML_DUPLICATE_DOCUMENT);
    assertThat(finding.subject()).isEqualTo("invoice INV-7 of CAFE ANDINO");
    assertThat(finding.evidence()).isEqualTo("already presented under LC-1");
  }

  @Test
  void a_presentation_is_screened_without_goods_its_carrier_as_an_entity() {
    TradeScreeningRequest presentation =
        new TradeScreeningRequest(
            "LC-1",
            List.of(ScreenedParty.carrier("Islamic Republic of Iran Shipping Lines")),
            Optional.empty(),
            new Shipment(Optional.of("COCTG"), Optional.of("GBFXT"), List.of()),
            List.of(
                new DocumentReference(
                    DocumentReference.Kind.BILL_OF_LADING, "IRISL", "BL-2026-0001")),
            0);
    List<Finding> findings = screener().screen(presentation).findings();
    assertThat(findings).isNotEmpty().allMatch(f -> f.rule() == RuleId.SANCTIONS_NAME);
    assertThat(findings)
        .anySatisfy(
            f -> {
              assertThat(f.subject())
                  .isEqualTo("carrier \"Islamic Republic of Iran Shipping Lines\"");
              assertThat(f.evidence()).contains("SDN-25396");
              assertThat(f.severity()).isEqualTo(Severity.BLOCK);
            });
  }

  @Test
  void repeated_amendments_and_risky_transshipment_need_review_or_block() {
    Trade trade = trade();
    trade.amendments = 3;
    trade.shipment =
        new Shipment(Optional.of("COCTG"), Optional.of("GBFXT"), List.of("VELAG", "IRBND"));
    List<Finding> findings = screen(trade).findings();
    assertThat(findings)
        .extracting(Finding::rule, Finding::severity)
        .containsExactlyInAnyOrder(
            tuple(RuleId.TBML_REPEATED_AMENDMENTS, Severity.REVIEW),
            tuple(RuleId.TBML_HIGH_RISK_TRANSSHIPMENT, Severity.REVIEW),
            tuple(RuleId.TBML_HIGH_RISK_TRANSSHIPMENT, Severity.BLOCK));
    trade.amendments = 2;
    trade.shipment = new Shipment(Optional.of("COCTG"), Optional.of("GBFXT"), List.of("PAPTY"));
    assertThat(screen(trade).findings()).isEmpty();
  }

  @Test
  void a_name_in_another_script_is_not_cleared_but_sent_to_review() {
    Trade trade = trade();
    trade.parties.set(1, ScreenedParty.of(PartyRole.BENEFICIARY, "Банк Россия", "RU"));
    ScreeningReport report = screen(trade);
    assertThat(report.outcome()).isEqualTo(Severity.REVIEW);
    assertThat(report.findings().get(0).rule()).isEqualTo(RuleId.SANCTIONS_NAME_NOT_SCREENABLE);
    assertThat(report.findings().get(0).evidence()).contains("Банк").contains("transliteration");
  }
}
