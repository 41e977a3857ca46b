package dev.tradeflow.app.compliance;

import dev.tradeflow.compliance.sanctions.MatchThresholds;
import dev.tradeflow.compliance.sanctions.SanctionsList;
import dev.tradeflow.compliance.sanctions.SanctionsScreener;
import dev.tradeflow.runtime.TradeflowConfig.ComplianceSettings;

/** The sanctions screener the configuration asks for. */
public final class SanctionsScreening {

  private SanctionsScreening() {}

  /**
   * Screens against {@code compliance.sanctions-dir} (re-read when its files change), or against
   * the bundled snapshot when none is set.
   */
  public static SanctionsScreener screener(ComplianceSettings settings) {
    MatchThresholds thresholds =
        new MatchThresholds(settings.blockThreshold(), settings.reviewThreshold());
    return settings
        .sanctionsDir()
        .map(dir -> SanctionsScreener.load(dir, thresholds))
        .orElseGet(() -> SanctionsScreener.of(SanctionsList.bundledSnapshot(), thresholds));
  }

  /** Where the list comes from, for people reading a screening's output. */
  public static String source(ComplianceSettings settings) {
    return settings
        .sanctionsDir()
        .map(dir -> dir.toString())
        .orElse(
            "the bundled OFAC snapshot (mid-2021; set compliance.sanctions-dir for a current list)");
  }
}
