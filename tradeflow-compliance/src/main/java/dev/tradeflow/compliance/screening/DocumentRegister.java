package dev.tradeflow.compliance.screening;

import java.util.Optional;

/**
 * Which trade each invoice and bill of lading was first seen under, so that the same document under
 * a second credit is caught. Implementations keep it durably; tests use a map.
 */
public interface DocumentRegister {

  /**
   * Records that {@code document} appears under {@code reference}, and says under which other
   * reference it appeared first, if any. Seeing it again under the same reference is no finding.
   */
  Optional<String> recordAndFindOther(DocumentReference document, String reference);
}
