/**
 * A transport on the JDK's {@code java.net.http.HttpClient}, for applications that want no Apache HttpClient.
 */
package dev.novasdk.core.http.jdk;
