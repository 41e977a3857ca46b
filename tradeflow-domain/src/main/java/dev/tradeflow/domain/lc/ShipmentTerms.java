package dev.tradeflow.domain.lc;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How the goods travel, as the credit states it (MT700 44E port of loading, 44F port of discharge,
 * transshipment ports and a named vessel), and the goods' HS code: what sanctions and trade-based
 * money-laundering screening judge beyond the parties. Each part may be absent (null, or an empty
 * list) when the credit does not state it.
 *
 * @param hsCode the goods' Harmonized System code, 2 to 10 digits (the tariff heading)
 * @param portOfLoading a UN/LOCODE such as CNSHA
 * @param portOfDischarge a UN/LOCODE such as GBFXT
 * @param transshipmentPorts UN/LOCODEs of the ports the goods are transshipped at, in order
 */
public record ShipmentTerms(
    String hsCode,
    String portOfLoading,
    String portOfDischarge,
    List<String> transshipmentPorts,
    Vessel vessel) {

  private static final Pattern HS_CODE = Pattern.compile("[0-9]{2,10}");
  private static final Pattern LOCODE = Pattern.compile("[A-Z]{2}[A-Z2-9]{3}");

  public ShipmentTerms {
    if (hsCode != null && !HS_CODE.matcher(hsCode).matches()) {
      throw new IllegalArgumentException("an HS code is 2 to 10 digits: " + hsCode);
    }
    transshipmentPorts = transshipmentPorts == null ? List.of() : List.copyOf(transshipmentPorts);
    requireLocode("portOfLoading", portOfLoading);
    requireLocode("portOfDischarge", portOfDischarge);
    transshipmentPorts.forEach(port -> requireLocode("transshipmentPorts", port));
  }

  private static void requireLocode(String field, String port) {
    if (port != null && !LOCODE.matcher(port).matches()) {
      throw new IllegalArgumentException(
          field + " is a UN/LOCODE (country code, then three letters or digits): " + port);
    }
  }
}
