/**
 * The core's implementation: the request pipeline, error mapping, JSON codec, secret registry and checks.
 * Not API; anything here may change without notice.
 */
package dev.novasdk.core.internal;
