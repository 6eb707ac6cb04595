/**
 * The migrations of one server: listing, showing, forcing to complete and aborting live migrations.
 */
@OpenStackStyle
package dev.novasdk.compute.servers.migrations;

import dev.novasdk.core.value.OpenStackStyle;
