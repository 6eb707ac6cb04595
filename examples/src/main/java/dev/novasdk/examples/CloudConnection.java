package dev.novasdk.examples;

import dev.novasdk.compute.ComputeClient;
import dev.novasdk.core.observe.CallListener;
import dev.novasdk.identity.CloudConfig;
import dev.novasdk.identity.Session;
import dev.novasdk.testkit.FakeClock;
import dev.novasdk.testkit.FakeCloud;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Connects the examples to the cloud named by {@code OS_CLOUD}/{@code clouds.yaml}/{@code OS_*}, or, when
 * nothing is configured, to an embedded {@link FakeCloud} started for the run.
 */
final class CloudConnection implements AutoCloseable {
    private final FakeCloud fake;
    private final Session session;
    private final ComputeClient nova;
    private final String description;
    private final Optional<CallListener> listener;

    private CloudConnection(
            FakeCloud fake, Session session, ComputeClient nova, String description, Optional<CallListener> listener) {
        this.listener = listener;
        this.fake = fake;
        this.session = session;
        this.nova = nova;
        this.description = description;
    }

    /** Opens a connection, saying on {@code err} when the embedded fake cloud is used. */
    static CloudConnection open(PrintStream err) {
        return open(err, CloudConfig.detect());
    }

    /** Opens a connection to {@code config}, or to an embedded fake cloud when it is empty. */
    static CloudConnection open(PrintStream err, Optional<CloudConfig> config) {
        return open(err, config, Optional.empty());
    }

    /** As {@link #open(PrintStream, Optional)}, with {@code listener} told of every call of the session and client. */
    static CloudConnection open(PrintStream err, Optional<CloudConfig> config, Optional<CallListener> listener) {
        if (config.isPresent()) {
            Session.Builder sb = config.get().toSessionBuilder();
            listener.ifPresent(sb::addListener);
            Session session = sb.build();
            ComputeClient.Builder b = ComputeClient.builder().session(session).userAgentSuffix("novasdk-examples");
            config.get().computeApiVersion().ifPresent(b::microversion);
            listener.ifPresent(b::addListener);
            return new CloudConnection(
                    null, session, b.build(), "the cloud from " + config.get().source(), listener);
        }
        // A clock that follows real time, so the demo sees BUILD step through its task states as it polls.
        FakeCloud fake = FakeCloud.builder()
                .clock(FakeClock.ticking())
                .stepDuration(Duration.ofMillis(400))
                .start();
        err.println("No cloud configured (OS_CLOUD or OS_AUTH_URL are not set): using the embedded FakeCloud at "
                + fake.authUrl());
        // The fake cloud's own OS_* settings, read exactly as a user's openrc would be.
        CloudConfig fakeConfig = CloudConfig.builder()
                .environment(fake.osEnvironment())
                .searchPaths(List.of())
                .build();
        Session.Builder sb = fakeConfig.toSessionBuilder();
        listener.ifPresent(sb::addListener);
        Session session = sb.build();
        ComputeClient.Builder b = ComputeClient.builder().session(session).userAgentSuffix("novasdk-examples");
        listener.ifPresent(b::addListener);
        return new CloudConnection(fake, session, b.build(), "the embedded FakeCloud", listener);
    }

    Session session() {
        return session;
    }

    ComputeClient nova() {
        return nova;
    }

    /** A client of this connection's session pinned to {@code microversion}, with its listener; the caller closes it. */
    ComputeClient nova(String microversion) {
        ComputeClient.Builder b = ComputeClient.builder().session(session).microversion(microversion);
        listener.ifPresent(b::addListener);
        return b.build();
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        nova.close();
        session.close();
        if (fake != null) {
            fake.close();
        }
    }
}
