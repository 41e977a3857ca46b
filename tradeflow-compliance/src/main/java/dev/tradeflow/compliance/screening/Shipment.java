package dev.tradeflow.compliance.screening;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The route: ports as UN/LOCODEs (country code, then three characters: CNSHA, GBFXT), whose first
 * two letters are the port's country.
 */
public record Shipment(
    Optional<String> portOfLoading, Optional<String> portOfDischarge, List<String> transshipment) {

  public Shipment {
    Objects.requireNonNull(portOfLoading, "portOfLoading");
    Objects.requireNonNull(portOfDischarge, "portOfDischarge");
    transshipment = List.copyOf(transshipment);
    portOfLoading.ifPresent(Shipment::requireLocode);
    portOfDischarge.ifPresent(Shipment::requireLocode);
    transshipment.forEach(Shipment::requireLocode);
  }

  public static Shipment unknown() {
    return new Shipment(Optional.empty(), Optional.empty(), List.of());
  }

  private static void requireLocode(String port) {
    if (!port.matches("[A-Z]{2}[A-Z2-9]{3}")) {
      throw new IllegalArgumentException("not a UN/LOCODE such as CNSHA: " + port);
    }
  }
}
