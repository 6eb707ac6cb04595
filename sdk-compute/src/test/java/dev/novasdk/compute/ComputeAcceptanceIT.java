package dev.novasdk.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.compute.flavors.Flavor;
import dev.novasdk.compute.images.Image;
import dev.novasdk.compute.servers.BlockDeviceMappingV2;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerCreate;
import dev.novasdk.compute.servers.ServerListOptions;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.core.error.BadRequestException;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.http.Microversion;
import dev.novasdk.core.waiter.WaitOptions;
import dev.novasdk.identity.CloudConfig;
import dev.novasdk.identity.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance against the real Nova named by {@code OS_CLOUD}/{@code clouds.yaml}/{@code OS_*}; skipped when no
 * cloud is configured. Every server a test boots is deleted afterwards, even when the test fails.
 */
class ComputeAcceptanceIT {
    private static final WaitOptions WAIT = WaitOptions.of(Duration.ofMinutes(3), Duration.ofMillis(500), Duration.ofSeconds(3));
    private static Session session;
    private static ComputeClient nova;
    private final List<String> booted = new ArrayList<>();

    @BeforeAll
    static void connect() {
        Optional<CloudConfig> config = CloudConfig.detect();
        if (config.isEmpty()) {
            System.out.println("ComputeAcceptanceIT skipped: no cloud configured "
                    + "(set OS_CLOUD with a clouds.yaml, or OS_AUTH_URL and the other OS_* variables)");
        }
        Assumptions.assumeTrue(config.isPresent(), "no cloud configured");
        System.out.println("ComputeAcceptanceIT runs against " + config.get().source());
        session = config.get().newSession();
        ComputeClient.Builder b = ComputeClient.builder().session(session);
        config.get().computeApiVersion().ifPresent(b::microversion);
        nova = b.build();
    }

    @AfterAll
    static void close() {
        if (nova != null) {
            nova.close();
        }
        if (session != null) {
            session.close();
        }
    }

    @AfterEach
    void cleanUp() {
        for (String id : booted) {
            try {
                nova.servers().delete(id);
                nova.servers().waitForDelete(id, WAIT);
            } catch (NotFoundException alreadyGone) {
                // deleted by the test itself
            }
        }
    }

    private String name(String what) {
        return "novasdk-it-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Server boot(String name) {
        Image cirros = nova.images().find("cirros").orElseThrow();
        Flavor tiny = nova.flavors().find("m1.tiny").orElseThrow();
        Server s = nova.servers().create(ServerCreate.builder().name(name).image(cirros).flavor(tiny).networksNone().build());
        booted.add(s.id());
        return s;
    }

    @Test
    void negotiation_usesTheCloudsMaximumUpToTheSdks() {
        Microversion expected = nova.cloudMaxMicroversion().compareTo(ComputeClient.SDK_MAX_MICROVERSION) < 0
                ? nova.cloudMaxMicroversion() : ComputeClient.SDK_MAX_MICROVERSION;
        assertEquals(expected, nova.microversion());
    }

    @Test
    void flavorsAndImages_foundByName() {
        Flavor tiny = nova.flavors().find("m1.tiny").orElseThrow();
        assertEquals(Optional.of(0), tiny.swapMb());
        assertTrue(nova.flavors().list().stream().anyMatch(f -> f.id().equals(tiny.id())));
        Image cirros = nova.images().find("cirros").orElseThrow();
        assertEquals(cirros.id(), nova.images().get(cirros.id()).id());
        assertTrue(nova.images().list().stream().anyMatch(i -> i.id().equals(cirros.id())));
    }

    @Test
    void bootWaitShowFindListDelete_fullLifecycle() {
        String name = name("life");
        Server created = boot(name);
        assertTrue(created.adminPass().isPresent());
        List<String> seen = new ArrayList<>();

        Server active = nova.servers().waitForStatus(created.id(), ServerStatus.ACTIVE, WAIT,
                s -> seen.add(s.status() + "/" + s.taskState().orElse("-")));

        assertEquals(ServerStatus.ACTIVE, active.status());
        assertEquals(Optional.of(name), active.name());
        assertTrue(!seen.isEmpty(), "progress callback saw nothing");
        assertEquals(active.id(), nova.servers().get(created.id()).id());
        assertEquals(created.id(), nova.servers().find(name).orElseThrow().id());
        assertTrue(nova.servers().list(ServerListOptions.builder().name(name).build()).stream()
                .map(Server::id).collect(Collectors.toList()).contains(created.id()));

        nova.servers().delete(created.id());
        nova.servers().waitForDelete(created.id(), WAIT);
        assertThrows(NotFoundException.class, () -> nova.servers().get(created.id()));
    }

    @Test
    void seed000_swapLargerThanTheFlavor_novasBadRequest() {
        Image cirros = nova.images().find("cirros").orElseThrow();
        Flavor tiny = nova.flavors().find("m1.tiny").orElseThrow();

        BadRequestException e = assertThrows(BadRequestException.class, () -> nova.servers().create(ServerCreate.builder()
                .name(name("swap")).image(cirros).flavor(tiny).networksNone()
                .addBlockDeviceMappings(BlockDeviceMappingV2.swap(100)).build()));

        assertEquals(Optional.of("Swap drive requested is larger than instance type allows."), e.serviceMessage());
        assertTrue(e.requestId().orElse("").startsWith("req-"), e.getMessage());
    }
}
