package dev.novasdk.testkit.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.flavors.Flavor;
import dev.novasdk.compute.images.Image;
import dev.novasdk.compute.keypairs.Keypair;
import dev.novasdk.compute.keypairs.KeypairCreate;
import dev.novasdk.compute.limits.AbsoluteLimits;
import dev.novasdk.compute.quotas.QuotaSet;
import dev.novasdk.compute.quotas.QuotaUpdate;
import dev.novasdk.compute.servergroups.ServerGroup;
import dev.novasdk.compute.servergroups.ServerGroupCreate;
import dev.novasdk.compute.servergroups.ServerGroupPolicy;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerCreate;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.compute.zones.AvailabilityZone;
import dev.novasdk.core.error.ForbiddenException;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.error.ResourceErrorException;
import dev.novasdk.core.http.Microversion;
import dev.novasdk.identity.CloudConfig;
import dev.novasdk.identity.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Keypairs, server groups, quotas, limits and availability zones end to end, against a real cloud
 * ({@link RealCloudComputeResourcesIT}) and FakeCloud ({@link FakeCloudComputeResourcesIT}). The configured user
 * must be an admin. The quota scenario changes a user-level quota for a few seconds and always reverts it: the
 * second user's when one is configured ({@code NOVASDK_IT_SECOND_CLOUD}, a {@code clouds.yaml} cloud; FakeCloud's
 * {@code demo}), else the configured user's own.
 */
abstract class ComputeResourcesSuite extends CloudSuite {
    // An ed25519 public key whose private half was thrown away: the suite only imports it.
    static final String PUBLIC_KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMj0nimRSZ6DZzxO85H2oBFb5wNC3PKoRs97Hd6xw97F novasdk-it";

    private Session secondSession;
    private ComputeClient second;

    /** The configuration of a second, non-admin user of the cloud, if any. */
    abstract Optional<CloudConfig> secondUser(AcceptanceCloud cloud);

    @Override
    void connected() {
        Optional<CloudConfig> other = secondUser(cloud);
        if (other.isPresent()) {
            secondSession = sessionBuilder(other.get()).build();
            second = computeBuilder(secondSession, other.get()).build();
        }
    }

    @Override
    void disconnecting() {
        for (AutoCloseable c : new AutoCloseable[] {second, secondSession}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.out.println("closing " + c.getClass().getSimpleName() + ": " + e);
                }
            }
        }
    }

    private static String name(String what) {
        return "novasdk-cr-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private ServerCreate.Builder tiny(ComputeClient client, String name) {
        Image cirros = client.images().find("cirros").orElseThrow();
        Flavor tiny = client.flavors().find("m1.tiny").orElseThrow();
        return ServerCreate.builder().name(name).image(cirros).flavor(tiny).networksNone();
    }

    private Server boot(ComputeClient client, ServerCreate.Builder create) {
        Server s = client.servers().create(create.build());
        track(s.id());
        return s;
    }

    @Test
    void keypair_importBootWithItAndDelete() {
        String keyName = name("key");
        Keypair imported = nova.keypairs().importPublicKey(keyName, PUBLIC_KEY);
        try {
            assertEquals(keyName, imported.name());
            assertTrue(imported.fingerprint().isPresent());
            assertEquals(Optional.empty(), imported.privateKey());
            assertEquals(PUBLIC_KEY, nova.keypairs().get(keyName).publicKey().orElseThrow());
            assertTrue(nova.keypairs().list().stream().anyMatch(k -> k.name().equals(keyName)));

            Server s = boot(nova, tiny(nova, name("key")).keyName(keyName));
            Server active = nova.servers().waitForStatus(s.id(), ServerStatus.ACTIVE, cloud.waits());
            assertEquals(Optional.of(keyName), active.keyName());
        } finally {
            nova.keypairs().delete(keyName);
        }
        assertEquals(Optional.empty(), nova.keypairs().find(keyName));
        assertThrows(NotFoundException.class, () -> nova.keypairs().delete(keyName));
    }

    @Test
    void keypair_generated_privateKeyReturnedOnceAndHidden() {
        String keyName = name("gen");
        Keypair generated =
                nova.keypairs().create(KeypairCreate.builder().name(keyName).build());
        try {
            String privateKey = generated.privateKey().orElseThrow();
            assertTrue(privateKey.contains("PRIVATE KEY"));
            assertFalse(generated.toString().contains(privateKey.substring(40, 80)));
            assertEquals(Optional.empty(), nova.keypairs().get(keyName).privateKey());
        } finally {
            nova.keypairs().delete(keyName);
        }
    }

    @Test
    void serverGroups_affinityHoldsTwo_antiAffinitySecondFailsWithNoValidHost() {
        ServerGroup affinity = nova.serverGroups()
                .create(ServerGroupCreate.builder()
                        .name(name("aff"))
                        .policy(ServerGroupPolicy.AFFINITY)
                        .build());
        ServerGroup anti = nova.serverGroups()
                .create(ServerGroupCreate.builder()
                        .name(name("anti"))
                        .policy(ServerGroupPolicy.ANTI_AFFINITY)
                        .build());
        try {
            assertEquals(ServerGroupPolicy.AFFINITY, affinity.policy());
            assertEquals(
                    affinity.id(),
                    nova.serverGroups().find(affinity.name()).orElseThrow().id());
            List<String> together = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                Server s = boot(nova, tiny(nova, name("aff" + i)).addSchedulerHint("group", affinity.id()));
                nova.servers().waitForStatus(s.id(), ServerStatus.ACTIVE, cloud.waits());
                together.add(s.id());
            }
            assertTrue(nova.serverGroups().get(affinity.id()).members().containsAll(together));
            // Free the quota before the next pair: the lab is shared.
            together.forEach(this::deleteNow);

            Server first = boot(nova, tiny(nova, name("anti1")).addSchedulerHint("group", anti.id()));
            nova.servers().waitForStatus(first.id(), ServerStatus.ACTIVE, cloud.waits());
            Server secondServer = boot(nova, tiny(nova, name("anti2")).addSchedulerHint("group", anti.id()));
            ResourceErrorException e = assertThrows(ResourceErrorException.class, () -> nova.servers()
                    .waitForStatus(secondServer.id(), ServerStatus.ACTIVE, cloud.waits()));
            assertEquals(Optional.of(500), e.faultCode());
            assertEquals(
                    Optional.of("No valid host was found. There are not enough hosts available."), e.faultMessage());
            assertTrue(nova.serverGroups().get(anti.id()).members().contains(secondServer.id()));
        } finally {
            deleteWhatWasBooted();
            nova.serverGroups().delete(affinity.id());
            nova.serverGroups().delete(anti.id());
        }
        assertThrows(NotFoundException.class, () -> nova.serverGroups().get(anti.id()));
    }

    @Test
    void quota_userLevelUpdateRefusesCreateWithNovasMessage_thenReverts() {
        ComputeClient target = second != null ? second : nova;
        Session targetSession = secondSession != null ? secondSession : session;
        String project = targetSession.token().project().orElseThrow().id().orElseThrow();
        String user = targetSession.token().user().orElseThrow().id().orElseThrow();
        ServerCreate.Builder create = tiny(target, name("quota"));
        QuotaSet before = nova.quotas().get(project, user);
        ForbiddenException refused;
        try {
            // force: the user may already run servers; the window is the two calls below.
            QuotaSet updated = nova.quotas()
                    .update(
                            project,
                            user,
                            QuotaUpdate.builder().instances(0).force(true).build());
            assertEquals(Optional.of(0), updated.instances());
            refused = assertThrows(ForbiddenException.class, () -> boot(target, create));
        } finally {
            nova.quotas().revert(project, user);
        }
        String message = refused.serviceMessage().orElseThrow();
        assertTrue(
                message.startsWith("Quota exceeded for instances: Requested 1, but already used ")
                        && message.endsWith(" of 0 instances"),
                message);
        assertEquals(before.instances(), nova.quotas().get(project, user).instances());
        assertEquals(
                nova.quotas().get(project).instances(),
                nova.quotas().get(project, user).instances(),
                "after the revert the user has the project's limit");
        assertTrue(nova.quotas().detail(project).instances().orElseThrow().inUse() >= 0);
        assertEquals(
                nova.quotas().defaults(project).cores(),
                nova.quotas().classSet("default").cores());
    }

    @Test
    void limits_showTheProjectsQuotaAndUsage() {
        AbsoluteLimits a = nova.limits().get().absolute();
        String project = session.token().project().orElseThrow().id().orElseThrow();
        assertEquals(nova.quotas().get(project).instances(), a.maxTotalInstances());
        assertTrue(a.totalInstancesUsed().orElseThrow() >= 0);
        if (nova.microversion().isAtLeast(Microversion.of(2, 57))) {
            assertEquals(Optional.empty(), a.maxPersonality());
        }
        if (second != null) {
            String demoProject =
                    secondSession.token().project().orElseThrow().id().orElseThrow();
            assertTrue(nova.limits().get(demoProject).absolute().maxTotalCores().isPresent());
            ForbiddenException e =
                    assertThrows(ForbiddenException.class, () -> second.limits().get(project));
            assertEquals(
                    Optional.of("Policy doesn't allow os_compute_api:limits:other_project to be performed."),
                    e.serviceMessage());
        }
    }

    @Test
    void zones_listedAndDetailedForAdmins() {
        AvailabilityZone zone = nova.availabilityZones().find("nova").orElseThrow();
        assertTrue(zone.zoneState().available());
        assertTrue(zone.hosts().isEmpty());
        List<AvailabilityZone> detailed = nova.availabilityZones().listDetailed();
        assertTrue(
                detailed.stream()
                        .flatMap(z -> z.hosts().values().stream())
                        .flatMap(services -> services.keySet().stream())
                        .anyMatch("nova-compute"::equals),
                detailed.toString());
        if (second != null) {
            ForbiddenException e = assertThrows(
                    ForbiddenException.class, () -> second.availabilityZones().listDetailed());
            assertEquals(
                    Optional.of("Policy doesn't allow os_compute_api:os-availability-zone:detail to be performed."),
                    e.serviceMessage());
        }
    }

    /** A second user's configuration: the named {@code clouds.yaml} cloud, found as OS_CLIENT_CONFIG_FILE says. */
    static Optional<CloudConfig> namedCloud() {
        String name = System.getenv("NOVASDK_IT_SECOND_CLOUD");
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> env = System.getenv("OS_CLIENT_CONFIG_FILE") == null
                ? Map.of()
                : Map.of("OS_CLIENT_CONFIG_FILE", System.getenv("OS_CLIENT_CONFIG_FILE"));
        return Optional.of(CloudConfig.builder().environment(env).cloud(name).build());
    }
}
