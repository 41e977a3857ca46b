package dev.tradeflow.domain.lc;

/** A command's idempotency key: a repeated id gets the original outcome and changes nothing. */
public record CommandId(String value) {

  public CommandId {
    Identifiers.require("command id", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
