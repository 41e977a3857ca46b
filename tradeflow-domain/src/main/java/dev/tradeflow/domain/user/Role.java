package dev.tradeflow.domain.user;

import java.util.Arrays;
import java.util.Locale;

/** What a user may do; a user may hold several roles. */
public enum Role {
  /** Enters applications and amendments. */
  MAKER,
  /** Approves what a maker entered (never their own). */
  CHECKER,
  /** Decides review cases from screening hits. */
  COMPLIANCE,
  /** Reads the audit log and its proofs. */
  AUDITOR,
  /** Runs the platform: dead letters, replays. */
  OPERATOR,
  ADMIN;

  /**
   * The role of a name as tokens and people write it, in any case: {@code checker}.
   *
   * @throws IllegalArgumentException for a name that is no role, listing the roles
   */
  public static Role named(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown role "
              + name
              + "; roles are "
              + Arrays.toString(values()).toLowerCase(Locale.ROOT));
    }
  }
}
