/**
 * Observing calls: a dependency-free listener SPI that receives one immutable event as each call starts and
 * ends and as each of its attempts starts and ends, carrying the operation ({@code servers.create}), the
 * service, the method, the URL template (no ids, no query, no secrets), the status or failure, the
 * microversion, retries, re-authentications, durations and Nova's request ids. The {@code sdk-micrometer}
 * and {@code sdk-opentelemetry} modules are listeners; a client with no listener pays nothing for this.
 */
package dev.novasdk.core.observe;
