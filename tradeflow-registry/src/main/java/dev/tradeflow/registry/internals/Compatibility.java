package dev.tradeflow.registry.internals;

import dev.tradeflow.registry.CompatibilityLevel;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Checks a new schema against a subject's earlier ones with Avro's own reader/writer rules ({@link
 * SchemaCompatibility}), and says what breaks: each incompatibility names its kind, the location in
 * the schema (such as {@code /fields/1/type}) and the field.
 */
final class Compatibility {

  private Compatibility() {}

  /**
   * The incompatibilities, empty when {@code candidate} may follow {@code earlier} (oldest first)
   * at {@code level}.
   */
  static List<String> problems(CompatibilityLevel level, Schema candidate, List<Schema> earlier) {
    List<String> problems = new ArrayList<>();
    if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
      return problems;
    }
    List<Schema> checked = level.transitive() ? earlier : List.of(earlier.get(earlier.size() - 1));
    for (Schema old : checked) {
      if (level.newReadsOld()) {
        describe(
            SchemaCompatibility.checkReaderWriterCompatibility(candidate, old),
            "new reads old",
            problems);
      }
      if (level.oldReadsNew()) {
        describe(
            SchemaCompatibility.checkReaderWriterCompatibility(old, candidate),
            "old reads new",
            problems);
      }
    }
    return problems;
  }

  private static void describe(
      SchemaCompatibility.SchemaPairCompatibility result, String direction, List<String> problems) {
    if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return;
    }
    for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
      problems.add(
          "{errorType:'"
              + incompatibility.getType()
              + "', description:'"
              + incompatibility.getMessage()
              + "', location:'"
              + incompatibility.getLocation()
              + "', direction:'"
              + direction
              + "'}");
    }
  }
}
