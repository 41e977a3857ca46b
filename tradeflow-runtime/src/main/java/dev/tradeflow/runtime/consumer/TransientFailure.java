package dev.tradeflow.runtime.consumer;

/**
 * Marks an exception as worth retrying under the default {@link FailureClassifier}: a failure that
 * may go away by itself (a database failover, a downstream timeout), unlike a bad record.
 */
public interface TransientFailure {}
