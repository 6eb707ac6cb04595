package dev.novasdk.examples;

import dev.novasdk.compute.ComputeClient;
import dev.novasdk.identity.CloudConfig;
import dev.novasdk.identity.KeystoneAuth;
import dev.novasdk.identity.Session;
import dev.novasdk.testkit.FakeCloud;
import java.io.PrintStream;
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

    private CloudConnection(FakeCloud fake, Session session, ComputeClient nova, String description) {
        this.fake = fake;
        this.session = session;
        this.nova = nova;
        this.description = description;
    }

    /** Opens a connection, saying on {@code err} when the embedded fake cloud is used. */
    static CloudConnection open(PrintStream err) {
        Optional<CloudConfig> config = CloudConfig.detect();
        if (config.isPresent()) {
            Session session = config.get().newSession();
            ComputeClient.Builder b = ComputeClient.builder().session(session).userAgentSuffix("novasdk-examples");
            config.get().computeApiVersion().ifPresent(b::microversion);
            return new CloudConnection(null, session, b.build(), config.get().source());
        }
        FakeCloud fake = FakeCloud.builder().build();
        fake.start();
        err.println("No cloud configured (OS_CLOUD or OS_AUTH_URL are not set): using the embedded FakeCloud at "
                + fake.authUrl());
        Session session = Session.builder().authUrl(fake.authUrl())
                .auth(KeystoneAuth.password().username(fake.username()).userDomainName(fake.userDomainName())
                        .password(fake.password()).projectName(fake.projectName())
                        .projectDomainName(fake.projectDomainName()).build())
                .region(fake.regionName())
                .build();
        ComputeClient nova = ComputeClient.builder().session(session).userAgentSuffix("novasdk-examples").build();
        return new CloudConnection(fake, session, nova, "the embedded FakeCloud");
    }

    Session session() {
        return session;
    }

    ComputeClient nova() {
        return nova;
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
