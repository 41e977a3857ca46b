package dev.tradeflow.compliance.screening.internals;

import dev.tradeflow.compliance.screening.ScreenedParty;
import java.util.Locale;

/** How findings name what they are about. */
final class Subjects {

  private Subjects() {}

  /** {@code beneficiary "Acme Ltd"}. */
  static String of(ScreenedParty party) {
    return party.role().name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + " \""
        + party.name()
        + "\"";
  }
}
