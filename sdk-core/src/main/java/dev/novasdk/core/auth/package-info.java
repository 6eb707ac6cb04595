/**
 * Tokens and the providers that obtain and cache them; the identity module supplies the Keystone ones.
 */
package dev.novasdk.core.auth;
