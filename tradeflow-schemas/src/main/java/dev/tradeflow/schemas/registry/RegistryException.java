package dev.tradeflow.schemas.registry;

/** A request the schema registry refused, with its HTTP status and Confluent {@code error_code}. */
public final class RegistryException extends RuntimeException {

  private final int status;
  private final int errorCode;

  public RegistryException(int status, int errorCode, String message) {
    super(message + " (HTTP " + status + ", error_code " + errorCode + ")");
    this.status = status;
    this.errorCode = errorCode;
  }

  public int status() {
    return status;
  }

  public int errorCode() {
    return errorCode;
  }
}
