/**
 * How {@code dev.tradeflow.runtime} does its work. Not an API: other modules import only {@code
 * dev.tradeflow.runtime}, and anything here may change without notice.
 */
package dev.tradeflow.runtime.internals;
