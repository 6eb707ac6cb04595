/**
 * Compute servers: the manager, its models, request bodies and list options.
 */
@OpenStackStyle
package dev.novasdk.compute.servers;

import dev.novasdk.core.value.OpenStackStyle;
