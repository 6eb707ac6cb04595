/**
 * The default transport, on Apache HttpClient 5 with pooled connections. The only package whose public
 * signatures may name HttpClient types.
 */
package dev.novasdk.core.http.apache;
