/**
 * OpenTelemetry support: {@link dev.novasdk.opentelemetry.TracingCallListener} traces every SDK call with
 * the OpenTelemetry API, one span per call and one client span per attempt following the HTTP client
 * semantic conventions, with Nova's request ids as attributes and, when turned on, W3C trace context
 * propagation to the service.
 */
package dev.novasdk.opentelemetry;
