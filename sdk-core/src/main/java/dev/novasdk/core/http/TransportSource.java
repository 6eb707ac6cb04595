package dev.novasdk.core.http;

/**
 * Something that owns a transport other clients may share, such as an identity {@code Session}: a service
 * client built from it reuses its connection pool instead of opening another.
 */
public interface TransportSource {
    /** The shared transport; its owner closes it. */
    HttpTransport transport();
}
