/**
 * Tracing across Kafka: W3C trace context carried in record headers, and producer and process spans
 * named and described by the OpenTelemetry messaging conventions, so that one business flow is one
 * trace however many topics it crosses.
 */
package dev.tradeflow.runtime.tracing;
