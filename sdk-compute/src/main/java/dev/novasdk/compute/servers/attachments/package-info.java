/**
 * The volumes and network interfaces attached to a server: listing, attaching, changing and detaching them.
 */
@OpenStackStyle
package dev.novasdk.compute.servers.attachments;

import dev.novasdk.core.value.OpenStackStyle;
