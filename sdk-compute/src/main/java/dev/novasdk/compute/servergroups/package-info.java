/**
 * Server groups: the manager, the group model, the create request and list options.
 */
@OpenStackStyle
package dev.novasdk.compute.servergroups;

import dev.novasdk.core.value.OpenStackStyle;
