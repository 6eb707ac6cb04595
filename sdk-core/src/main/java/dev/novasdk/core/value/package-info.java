/**
 * The Immutables style shared by the SDK's value objects and builders. Not for applications to use.
 */
package dev.novasdk.core.value;
