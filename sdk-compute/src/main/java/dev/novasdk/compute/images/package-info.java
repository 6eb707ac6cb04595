/**
 * Compute images: the manager, its models, request bodies and list options.
 */
@OpenStackStyle
package dev.novasdk.compute.images;

import dev.novasdk.core.value.OpenStackStyle;
