/**
 * Runnable programs on the public API: the boot demo and a small nova-like command line.
 */
package dev.novasdk.examples;
