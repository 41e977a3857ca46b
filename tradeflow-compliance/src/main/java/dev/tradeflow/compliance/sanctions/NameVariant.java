package dev.tradeflow.compliance.sanctions;

import java.util.Objects;

/** One name a listed party is known by: its listed name, or an alias from {@code alt.csv}. */
public record NameVariant(String name, Kind kind) {

  /** OFAC's alias types; {@code PRIMARY} is the SDN_Name itself. */
  public enum Kind {
    PRIMARY,
    /** also known as */
    AKA,
    /** formerly known as */
    FKA,
    /** now known as */
    NKA
  }

  public NameVariant {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }
}
