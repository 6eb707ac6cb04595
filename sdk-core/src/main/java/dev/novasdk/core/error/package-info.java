/**
 * The exceptions the SDK throws. An error response becomes an {@link dev.novasdk.core.error.ApiException}
 * subclass chosen by status, carrying the status, fault name, message, request id, method and URL; a failure
 * to reach the cloud becomes a {@link dev.novasdk.core.error.TransportException}. Secrets never appear in
 * their messages.
 */
package dev.novasdk.core.error;
