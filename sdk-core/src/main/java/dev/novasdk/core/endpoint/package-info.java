/**
 * Choosing a service endpoint from the token's catalog: by service type, interface and region, with overrides.
 */
package dev.novasdk.core.endpoint;
