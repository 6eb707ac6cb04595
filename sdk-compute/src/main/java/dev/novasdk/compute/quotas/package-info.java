/**
 * Compute quota sets and quota class sets: the manager, the quota models and the update request.
 */
@OpenStackStyle
package dev.novasdk.compute.quotas;

import dev.novasdk.core.value.OpenStackStyle;
