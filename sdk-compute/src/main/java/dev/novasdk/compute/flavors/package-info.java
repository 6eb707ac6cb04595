/**
 * Compute flavors: the manager, its models, request bodies and list options.
 */
@OpenStackStyle
package dev.novasdk.compute.flavors;

import dev.novasdk.core.value.OpenStackStyle;
