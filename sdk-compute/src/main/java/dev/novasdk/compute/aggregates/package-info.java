/**
 * Host aggregates (os-aggregates): create, list, update, hosts, metadata and image caching (admin).
 */
@OpenStackStyle
package dev.novasdk.compute.aggregates;

import dev.novasdk.core.value.OpenStackStyle;
