/**
 * Availability zones: the manager and the zone model.
 */
@OpenStackStyle
package dev.novasdk.compute.zones;

import dev.novasdk.core.value.OpenStackStyle;
