/**
 * Server metadata and server tags: the key/value pairs and the labels of a server.
 */
@OpenStackStyle
package dev.novasdk.compute.servers.metadata;

import dev.novasdk.core.value.OpenStackStyle;
