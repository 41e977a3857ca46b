package dev.tradeflow.domain.event;

import java.util.HexFormat;
import java.util.Objects;

/** A SHA-256 digest in lower-case hex: one link of an aggregate's hash chain. */
public record EventHash(String hex) {

  /** The {@code prevHash} of an aggregate's first event. */
  public static final EventHash GENESIS = new EventHash("0".repeat(64));

  public EventHash {
    Objects.requireNonNull(hex, "hex");
    if (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new IllegalArgumentException("not a SHA-256 hex digest: " + hex);
    }
    hex = hex.toLowerCase(java.util.Locale.ROOT);
  }

  public static EventHash of(byte[] digest) {
    return new EventHash(HexFormat.of().formatHex(digest));
  }

  @Override
  public String toString() {
    return hex;
  }
}
