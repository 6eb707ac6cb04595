/**
 * Instance actions: the log of what was done to a server ({@code /servers/{id}/os-instance-actions}), each
 * action with the events of its steps, their results and, for failures, tracebacks. Reached through
 * {@link dev.novasdk.compute.servers.ServerManager#instanceActions()}.
 */
@OpenStackStyle
package dev.novasdk.compute.instanceactions;

import dev.novasdk.core.value.OpenStackStyle;
