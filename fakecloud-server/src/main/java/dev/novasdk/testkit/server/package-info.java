/** FakeCloud as a standalone server for any OpenStack client: {@link dev.novasdk.testkit.server.FakeCloudServer}. */
package dev.novasdk.testkit.server;
