package dev.tradeflow.compliance.screening;

/** A rules file that cannot be read or holds a value that is not what its key expects. */
public final class ComplianceRulesException extends RuntimeException {

  public ComplianceRulesException(String message) {
    super(message);
  }

  public ComplianceRulesException(String message, Throwable cause) {
    super(message, cause);
  }
}
