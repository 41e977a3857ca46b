package dev.tradeflow.domain.lc;

/** Identifies one amendment; chosen by the client, unique within its letter of credit. */
public record AmendmentId(String value) {

  public AmendmentId {
    Identifiers.require("amendment id", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
