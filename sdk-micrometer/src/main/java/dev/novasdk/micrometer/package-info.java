/**
 * Micrometer support: {@link dev.novasdk.micrometer.ObservationCallListener} turns every SDK call into a
 * Micrometer {@code Observation}, so one registration gives call timers, retry and re-authentication
 * counters, and spans when a tracing bridge is configured.
 */
package dev.novasdk.micrometer;
