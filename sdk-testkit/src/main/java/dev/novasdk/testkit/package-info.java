/**
 * {@link dev.novasdk.testkit.FakeCloud}: an in-process, stateful Keystone + Nova + Glance emulator for
 * tests and examples, with a controllable {@link dev.novasdk.testkit.FakeClock}, fault-injection knobs and
 * request recording. The JUnit 5 extension is in {@code dev.novasdk.testkit.junit}.
 */
package dev.novasdk.testkit;
