package dev.novasdk.benchmarks;

import dev.novasdk.compute.ComputeClient;
import dev.novasdk.core.auth.AuthToken;
import dev.novasdk.core.auth.TokenProvider;
import dev.novasdk.core.filter.UserAgentFilter;
import dev.novasdk.core.observe.CallListener;
import dev.novasdk.identity.KeystoneAuth;
import dev.novasdk.identity.Session;
import dev.novasdk.micrometer.ObservationCallListener;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;

/** How the benchmarks build the SDK side: as an application would, through the public API, defaults elsewhere. */
final class SdkClients {
    private SdkClients() {}

    /**
     * A session authenticating at {@code authUrl} (…{@code /v3}) with the lab's admin password, scoped to its
     * project, choosing endpoints in its region: what {@code OS_*} variables or {@code clouds.yaml} configure.
     */
    static Session session(URI authUrl) {
        return Session.builder()
                .authUrl(authUrl)
                .auth(KeystoneAuth.password()
                        .username(Fixtures.USERNAME)
                        .userDomainName(Fixtures.DOMAIN)
                        .password(Fixtures.PASSWORD)
                        .projectName(Fixtures.PROJECT)
                        .projectDomainName(Fixtures.DOMAIN)
                        .build())
                .region(Fixtures.REGION)
                .build();
    }

    /**
     * A client on {@code session}: its token, its catalog's compute endpoint, its transport, the default filter
     * chain, and a microversion negotiated on first use.
     */
    static ComputeClient compute(Session session) {
        return ComputeClient.builder().session(session).build();
    }

    /** As {@link #compute(Session)}, with {@code listener} told of every call. */
    static ComputeClient compute(Session session, CallListener listener) {
        return ComputeClient.builder().session(session).addListener(listener).build();
    }

    /**
     * The Micrometer listener as a Spring application has it: an observation registry whose meter handler
     * records a timer per call (and counts retries) into a {@link SimpleMeterRegistry}.
     */
    static CallListener micrometerListener() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
        return ObservationCallListener.create(registry);
    }

    /** A client with a fixed token and endpoint, pinned to {@value Fixtures#MICROVERSION}, so no call negotiates. */
    static ComputeClient pinned(URI endpoint) {
        return builder(endpoint).microversion(Fixtures.MICROVERSION).build();
    }

    /** A client with a fixed token and endpoint that negotiates on first use (reading {@code GET /v2.1}). */
    static ComputeClient negotiating(URI endpoint) {
        return builder(endpoint).build();
    }

    /** The {@code User-Agent} the SDK sends, which the hand-written clients copy. */
    static String userAgent() {
        return UserAgentFilter.create().userAgent();
    }

    private static ComputeClient.Builder builder(URI endpoint) {
        return ComputeClient.builder()
                .tokenProvider(TokenProvider.of(AuthToken.of(Fixtures.TOKEN, null)))
                .endpoint(endpoint);
    }
}
