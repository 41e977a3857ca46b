package dev.tradeflow.domain.lc;

/** Identifies one presentation; chosen by the client, unique within its letter of credit. */
public record PresentationId(String value) {

  public PresentationId {
    Identifiers.require("presentation id", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
