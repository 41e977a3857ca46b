/**
 * How {@code dev.tradeflow.runtime.consumer} does its work. Not an API: other modules import only
 * {@code dev.tradeflow.runtime.consumer}, and anything here may change without notice.
 */
package dev.tradeflow.runtime.consumer.internals;
