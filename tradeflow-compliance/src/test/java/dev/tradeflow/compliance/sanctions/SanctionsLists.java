package dev.tradeflow.compliance.sanctions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bundled OFAC snapshot the tests screen against, loaded once per test JVM. */
final class SanctionsLists {

  private static SanctionsList snapshot;

  private SanctionsLists() {}

  static synchronized SanctionsList ofac() {
    if (snapshot == null) {
      snapshot = SanctionsList.bundledSnapshot();
    }
    return snapshot;
  }

  /** The snapshot's files copied into {@code dir}, for tests of loading from a directory. */
  static void copySnapshot(Path dir) throws IOException {
    for (String file : new String[] {"sdn.csv", "alt.csv", "add.csv"}) {
      try (InputStream in =
          SanctionsLists.class.getResourceAsStream(
              "/dev/tradeflow/compliance/sanctions/ofac/" + file)) {
        Files.copy(in, dir.resolve(file));
      }
    }
  }
}
