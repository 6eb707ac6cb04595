/**
 * Compute keypairs: the manager, the keypair model, the create request and list options.
 */
@OpenStackStyle
package dev.novasdk.compute.keypairs;

import dev.novasdk.core.value.OpenStackStyle;
