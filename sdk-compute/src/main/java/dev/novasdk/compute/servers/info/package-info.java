/**
 * What a server reports about itself: its IP addresses, encrypted password, diagnostics, NUMA topology and security groups.
 */
@OpenStackStyle
package dev.novasdk.compute.servers.info;

import dev.novasdk.core.value.OpenStackStyle;
