package dev.tradeflow.domain.credit;

import dev.tradeflow.domain.lc.Party;
import java.util.Locale;
import java.util.Objects;

/**
 * A customer's credit facility. Keyed by the applicant as the credit names it (country and name,
 * case and spacing folded), since the application carries no customer number; a bank with one would
 * key by it.
 */
public record FacilityId(String value) {

  public FacilityId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || value.length() > 160) {
      throw new IllegalArgumentException("a facility id is 1-160 characters");
    }
  }

  public static FacilityId of(Party applicant) {
    String name = applicant.name().strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    return new FacilityId(applicant.country() + ":" + name);
  }

  @Override
  public String toString() {
    return value;
  }
}
