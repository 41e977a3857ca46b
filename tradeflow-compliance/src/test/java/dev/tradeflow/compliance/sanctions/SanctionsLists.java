package dev.tradeflow.compliance.sanctions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The OFAC snapshot the tests screen against, loaded once per test JVM. */
final class SanctionsLists {

  /** ../shared/data/sanctions/ofac from the checkout; TRADEFLOW_SANCTIONS_DIR overrides it. */
  static final Path OFAC = locate();

  private static SanctionsList snapshot;

  private SanctionsLists() {}

  static synchronized SanctionsList ofac() {
    if (snapshot == null) {
      snapshot = SanctionsList.load(OFAC);
    }
    return snapshot;
  }

  private static Path locate() {
    String configured = System.getenv("TRADEFLOW_SANCTIONS_DIR");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/data/sanctions/ofac");
      if (Files.isRegularFile(candidate.resolve("sdn.csv"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "the OFAC snapshot (shared/data/sanctions/ofac/sdn.csv) is not above "
            + Path.of("").toAbsolutePath()
            + "; set TRADEFLOW_SANCTIONS_DIR to its directory");
  }
}
