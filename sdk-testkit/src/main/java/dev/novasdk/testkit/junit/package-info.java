/**
 * JUnit 5 support: {@link dev.novasdk.testkit.junit.WithFakeCloud} and
 * {@link dev.novasdk.testkit.junit.FakeCloudExtension} give tests a running
 * {@link dev.novasdk.testkit.FakeCloud}.
 */
package dev.novasdk.testkit.junit;
