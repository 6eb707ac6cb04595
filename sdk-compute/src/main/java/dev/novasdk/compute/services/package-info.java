/**
 * Compute services (os-services): list, enable, disable, force down, update and delete (admin).
 */
@OpenStackStyle
package dev.novasdk.compute.services;

import dev.novasdk.core.value.OpenStackStyle;
