/**
 * Migration records (os-migrations) of resizes, migrations and evacuations (admin).
 */
@OpenStackStyle
package dev.novasdk.compute.migrations;

import dev.novasdk.core.value.OpenStackStyle;
