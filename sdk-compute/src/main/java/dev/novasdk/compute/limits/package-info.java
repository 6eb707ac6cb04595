/**
 * Compute limits: the manager and the absolute limits model.
 */
@OpenStackStyle
package dev.novasdk.compute.limits;

import dev.novasdk.core.value.OpenStackStyle;
