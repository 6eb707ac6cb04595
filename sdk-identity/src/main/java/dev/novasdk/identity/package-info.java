/**
 * Keystone authentication for the SDK: {@link dev.novasdk.identity.Session} authenticates with a
 * {@link dev.novasdk.identity.KeystoneAuth} against Keystone v3 (or v2.0), keeps the token fresh and resolves
 * service endpoints from the catalog. {@link dev.novasdk.identity.CloudConfig} reads {@code OS_*} variables
 * and {@code clouds.yaml}.
 */
@OpenStackStyle
package dev.novasdk.identity;

import dev.novasdk.core.value.OpenStackStyle;
