/**
 * Waiting for a resource to reach a state: polling with backoff under a deadline, with a pluggable
 * {@link dev.novasdk.core.waiter.Sleeper} so tests never sleep.
 */
package dev.novasdk.core.waiter;
