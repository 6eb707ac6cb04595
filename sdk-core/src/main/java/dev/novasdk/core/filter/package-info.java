/**
 * The filter chain every request passes through: authentication with single-flight re-authentication,
 * retries that respect idempotency and {@code Retry-After}, microversion headers, request ids, the user
 * agent and redacted curl-style debug logging.
 */
package dev.novasdk.core.filter;
