package dev.tradeflow.schemas.internals;

import dev.tradeflow.schemas.avro.EventEnvelope;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Tells Avro (1.12.2 and later) to trust the generated classes, which it otherwise refuses to load
 * by name when decoding ({@code SecurityException: Forbidden ...}). Doing it in code spares every
 * JVM, tests included, the {@code org.apache.avro.SERIALIZABLE_PACKAGES} flag.
 */
public final class GeneratedClassTrust {

  /** The generated records' package and its sub-packages. */
  private static final String GENERATED_PACKAGES = EventEnvelope.class.getPackageName() + ".";

  private static boolean registered;

  private GeneratedClassTrust() {}

  /** Adds the generated classes to whatever Avro already trusts; registering twice is harmless. */
  public static synchronized void register() {
    if (registered) {
      return;
    }
    ClassSecurityPredicate trusted = type -> type.getName().startsWith(GENERATED_PACKAGES);
    ClassSecurityValidator.setGlobal(
        ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), trusted));
    registered = true;
  }
}
