package dev.tradeflow.registry;

/**
 * The registry's mode: READWRITE (normal), READONLY (no registration or deletion), IMPORT
 * (registration with the ids and versions given, to copy another registry's contents).
 */
public enum RegistryMode {
  READWRITE,
  READONLY,
  IMPORT
}
