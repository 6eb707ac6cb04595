package dev.novasdk.core.http;

import dev.novasdk.core.http.apache.ApacheHttpTransport;
import dev.novasdk.core.http.jdk.JdkHttpTransport;
import java.time.Duration;

/**
 * The transports the fault matrix runs on, built with the matrix's settings: the size cap of
 * {@link FaultCase#MAX_RESPONSE_SIZE}, default header limits, and a response timeout of 5 s, which the
 * matrix's deadlines undercut so that only they can stop a slow server.
 */
public enum FaultTransport {
    /** {@link ApacheHttpTransport}, the default. */
    APACHE("apache") {
        @Override
        public HttpTransport create() {
            return ApacheHttpTransport.builder()
                    .connectTimeout(CONNECT_TIMEOUT)
                    .responseTimeout(RESPONSE_TIMEOUT)
                    .maxResponseSize(FaultCase.MAX_RESPONSE_SIZE)
                    .build();
        }
    },
    /** {@link JdkHttpTransport}. */
    JDK("jdk") {
        @Override
        public HttpTransport create() {
            return JdkHttpTransport.builder()
                    .connectTimeout(CONNECT_TIMEOUT)
                    .responseTimeout(RESPONSE_TIMEOUT)
                    .maxResponseSize(FaultCase.MAX_RESPONSE_SIZE)
                    .build();
        }

        @Override
        public boolean resendsGetBrokenBeforeFirstByte() {
            return true;
        }
    };

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(5);

    private final String label;

    FaultTransport(String label) {
        this.label = label;
    }

    /** A new transport; the caller closes it. */
    public abstract HttpTransport create();

    /** Whether the underlying client resends a GET broken before the first response byte on its own. */
    public boolean resendsGetBrokenBeforeFirstByte() {
        return false;
    }

    /** The name in the matrix table. */
    public String label() {
        return label;
    }
}
