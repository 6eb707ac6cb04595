package dev.novasdk.benchmarks;

import dev.novasdk.compute.ComputeClient;
import dev.novasdk.core.auth.AuthToken;
import dev.novasdk.core.auth.TokenProvider;
import dev.novasdk.core.filter.UserAgentFilter;
import java.net.URI;

/** How the benchmarks build the SDK side: as an application would, with defaults everywhere else. */
final class SdkClients {
    private SdkClients() {}

    /** A client pinned to {@value Fixtures#MICROVERSION}, so no call negotiates. */
    static ComputeClient pinned(URI endpoint) {
        return builder(endpoint).microversion(Fixtures.MICROVERSION).build();
    }

    /** A client that negotiates on first use (reading {@code GET /v2.1}). */
    static ComputeClient negotiating(URI endpoint) {
        return builder(endpoint).build();
    }

    /** The {@code User-Agent} the SDK sends, which the hand-written client copies. */
    static String userAgent() {
        return UserAgentFilter.create().userAgent();
    }

    private static ComputeClient.Builder builder(URI endpoint) {
        return ComputeClient.builder()
                .tokenProvider(TokenProvider.of(AuthToken.of(Fixtures.TOKEN, null)))
                .endpoint(endpoint);
    }
}
