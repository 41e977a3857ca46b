package dev.tradeflow.app.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.app.TestCommands;
import dev.tradeflow.app.issuance.ScreeningRequest;
import dev.tradeflow.compliance.sanctions.MatchThresholds;
import dev.tradeflow.compliance.sanctions.SanctionsList;
import dev.tradeflow.compliance.sanctions.SanctionsScreener;
import dev.tradeflow.compliance.screening.ComplianceRules;
import dev.tradeflow.compliance.screening.ComplianceScreener;
import dev.tradeflow.compliance.screening.Finding;
import dev.tradeflow.compliance.screening.RuleId;
import dev.tradeflow.domain.issuance.SagaId;
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.lc.LcTerms;
import dev.tradeflow.domain.lc.QuantityTerms;
import dev.tradeflow.domain.lc.ShipmentTerms;
import dev.tradeflow.domain.lc.Vessel;
import dev.tradeflow.domain.money.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A credit's terms as the compliance service screens them: parties, goods, route, vessel. */
class TradeScreeningTest {

  private static ComplianceScreener screener;

  @BeforeAll
  static void load() {
    screener =
        new ComplianceScreener(
            SanctionsScreener.of(SanctionsList.bundledSnapshot(), MatchThresholds.DEFAULT),
            ComplianceRules.defaults(),
            (document, reference) -> Optional.empty());
  }

  private static List<Finding> screen(LcTerms terms, int amendments) {
    ScreeningRequest request =
        new ScreeningRequest(
            new SagaId("saga-1"),
            new LcId("LC-1"),
            Optional.empty(),
            1,
            terms,
            amendments,
            Optional.empty(),
            null);
    return screener.screen(TradeScreening.of(request)).findings();
  }

  /** Coffee from Buenaventura to Felixstowe, 20 t for the credit's amount. */
  private static LcTerms coffee(String amount, ShipmentTerms shipment) {
    LcTerms usual = TestCommands.terms();
    return new LcTerms(
        usual.applicant(),
        usual.beneficiary(),
        usual.issuingBank(),
        usual.advisingBank(),
        Money.of(amount, "USD"),
        usual.tolerance(),
        usual.expiryDate(),
        usual.placeOfExpiry(),
        usual.latestShipmentDate(),
        usual.presentationPeriodDays(),
        usual.partialDrawingsAllowed(),
        usual.availableBy(),
        usual.confirmation(),
        "Green arabica coffee beans",
        new QuantityTerms(new BigDecimal("20000"), "KG", false, false),
        shipment);
  }

  private static ShipmentTerms route(List<String> transshipment, Vessel vessel) {
    return new ShipmentTerms("090111", "COBUN", "GBFXT", transshipment, vessel);
  }

  @Test
  void a_plain_coffee_shipment_is_clear() {
    assertThat(screen(coffee("100000", route(List.of(), null)), 0)).isEmpty();
    assertThat(screen(coffee("100000", null), 0)).isEmpty();
  }

  @Test
  void the_route_the_vessel_and_the_unit_price_are_screened() {
    List<Finding> findings =
        screen(coffee("1000000", route(List.of("IRBND"), new Vessel("ARK", "9187655"))), 0);
    assertThat(findings)
        .extracting(Finding::rule)
        .contains(
            RuleId.TBML_PRICE_OUT_OF_BAND,
            RuleId.TBML_HIGH_RISK_TRANSSHIPMENT,
            RuleId.SANCTIONS_IDENTIFIER);
    assertThat(findings.toString()).contains("IRBND").contains("9187655");
  }

  @Test
  void repeated_amendments_to_the_amount_or_beneficiary_are_reviewed() {
    assertThat(screen(coffee("100000", null), 3))
        .extracting(Finding::rule)
        .containsExactly(RuleId.TBML_REPEATED_AMENDMENTS);
    assertThat(screen(coffee("100000", null), 2)).isEmpty();
  }
}
