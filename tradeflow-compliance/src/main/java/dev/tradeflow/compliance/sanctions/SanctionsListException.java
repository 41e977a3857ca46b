package dev.tradeflow.compliance.sanctions;

/** The list could not be read: names the file, the line and what is wrong with it. */
public final class SanctionsListException extends RuntimeException {

  public SanctionsListException(String message) {
    super(message);
  }

  public SanctionsListException(String message, Throwable cause) {
    super(message, cause);
  }
}
