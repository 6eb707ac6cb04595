/**
 * Simple tenant usage (os-simple-tenant-usage): server hours, vCPU, memory and disk use of projects over a period.
 */
@OpenStackStyle
package dev.novasdk.compute.usage;

import dev.novasdk.core.value.OpenStackStyle;
