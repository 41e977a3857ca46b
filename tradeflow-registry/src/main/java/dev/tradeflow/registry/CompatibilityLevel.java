package dev.tradeflow.registry;

/**
 * Which earlier schemas of a subject a new one must agree with, as Confluent names the levels.
 * BACKWARD: the new schema reads data written with the previous one; FORWARD: the previous reads
 * data written with the new; FULL: both. The {@code _TRANSITIVE} levels check every earlier
 * version, not only the latest.
 */
public enum CompatibilityLevel {
  NONE,
  BACKWARD,
  BACKWARD_TRANSITIVE,
  FORWARD,
  FORWARD_TRANSITIVE,
  FULL,
  FULL_TRANSITIVE;

  public boolean transitive() {
    return name().endsWith("_TRANSITIVE");
  }

  /** The new schema must read what earlier ones wrote. */
  public boolean newReadsOld() {
    return this != NONE && !name().startsWith("FORWARD");
  }

  /** Earlier schemas must read what the new one writes. */
  public boolean oldReadsNew() {
    return this != NONE && !name().startsWith("BACKWARD");
  }
}
