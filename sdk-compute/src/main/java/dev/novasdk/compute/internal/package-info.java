/**
 * Implementation details shared by the compute packages: JSON readers for nova's irregular fields. Not API;
 * anything here may change without notice.
 */
package dev.novasdk.compute.internal;
