package dev.tradeflow.domain.lc;

import dev.tradeflow.domain.money.Money;
import java.time.LocalDate;

/** What an amendment (MT707) changes; a null field is left as it is. */
public record AmendmentChanges(
    Money newAmount,
    LocalDate newExpiryDate,
    LocalDate newLatestShipmentDate,
    Party newBeneficiary,
    String narrative) {

  public boolean changesNothing() {
    return newAmount == null
        && newExpiryDate == null
        && newLatestShipmentDate == null
        && newBeneficiary == null;
  }
}
