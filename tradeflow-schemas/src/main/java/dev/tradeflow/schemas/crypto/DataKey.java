package dev.tradeflow.schemas.crypto;

import java.time.Instant;
import java.util.Objects;

/** An AES-256 data key of one subject (a credit), unwrapped: kept in memory only. */
public record DataKey(String id, String subject, Instant createdAt, byte[] secret) {

  public DataKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(createdAt, "createdAt");
    secret = secret.clone();
  }

  @Override
  public byte[] secret() {
    return secret.clone();
  }

  @Override
  public String toString() {
    return "DataKey[" + id + " of " + subject + ", " + createdAt + "]";
  }
}
