/**
 * The HTTP model and the transport SPI: immutable requests, responses and headers, and the
 * {@link dev.novasdk.core.http.HttpTransport} interface a transport implements.
 */
package dev.novasdk.core.http;
