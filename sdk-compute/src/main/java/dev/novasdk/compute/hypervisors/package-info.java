/**
 * Hypervisors (os-hypervisors): list, show, search, servers, statistics and uptime (admin).
 */
@OpenStackStyle
package dev.novasdk.compute.hypervisors;

import dev.novasdk.core.value.OpenStackStyle;
