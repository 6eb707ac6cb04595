/**
 * The compute layer's implementation: the operation descriptors and their executor, endpoint and microversion
 * handling, the managers behind the public interfaces, and JSON readers for Nova's irregular fields. Not API;
 * anything here may change without notice.
 */
@OpenStackStyle
package dev.novasdk.compute.internal;

import dev.novasdk.core.value.OpenStackStyle;
