/**
 * Reliable consumers for side effects outside Kafka: manual batched commits after the work is done,
 * retries with backoff on a paused partition, and a dead-letter queue ({@code <topic>.dlq}) that
 * keeps per-key order by parking later records behind a parked one.
 */
package dev.tradeflow.runtime.consumer;
