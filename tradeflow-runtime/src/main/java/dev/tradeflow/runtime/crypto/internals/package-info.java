/**
 * How {@code dev.tradeflow.runtime.crypto} seals and opens values at the Kafka clients. Not an API:
 * other modules import only {@code dev.tradeflow.runtime.crypto}.
 */
package dev.tradeflow.runtime.crypto.internals;
