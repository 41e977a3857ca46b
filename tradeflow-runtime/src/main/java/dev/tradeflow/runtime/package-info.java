/**
 * Tradeflow's Kafka plumbing, as other modules use it: the service configuration ({@link
 * dev.tradeflow.runtime.TradeflowConfig}, {@link dev.tradeflow.runtime.ConfigLoader}), the embedded
 * KRaft broker, the topic catalogue and its administration, and the client settings every producer,
 * consumer and Streams app starts from.
 */
package dev.tradeflow.runtime;
