package dev.novasdk.testkit.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.aggregates.Aggregate;
import dev.novasdk.compute.aggregates.AggregateCreate;
import dev.novasdk.compute.aggregates.AggregateUpdate;
import dev.novasdk.compute.flavors.Flavor;
import dev.novasdk.compute.flavors.FlavorAccess;
import dev.novasdk.compute.flavors.FlavorCreate;
import dev.novasdk.compute.flavors.FlavorUpdate;
import dev.novasdk.compute.hypervisors.Hypervisor;
import dev.novasdk.compute.hypervisors.HypervisorStatistics;
import dev.novasdk.compute.images.Image;
import dev.novasdk.compute.migrations.Migration;
import dev.novasdk.compute.migrations.MigrationListOptions;
import dev.novasdk.compute.migrations.MigrationType;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerCreate;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.compute.services.Service;
import dev.novasdk.compute.services.ServiceListOptions;
import dev.novasdk.compute.services.ServiceState;
import dev.novasdk.compute.services.ServiceStatus;
import dev.novasdk.compute.usage.TenantUsage;
import dev.novasdk.compute.usage.UsageListOptions;
import dev.novasdk.core.error.BadRequestException;
import dev.novasdk.core.error.ConflictException;
import dev.novasdk.core.error.ForbiddenException;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.waiter.Waiter;
import dev.novasdk.identity.CloudConfig;
import dev.novasdk.identity.NamedRef;
import dev.novasdk.identity.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The operator scenarios of issue 13 (hypervisors, services, aggregates, migrations, usage, flavor extra specs
 * and access), run as admin against a real cloud ({@link RealCloudOperatorIT}) and against {@code FakeCloud}
 * ({@link FakeCloudOperatorIT}). The demo user's refusals need a second identity: FakeCloud's {@code demo}, or
 * on a real cloud the {@code clouds.yaml} cloud named by {@code NOVASDK_IT_DEMO_CLOUD} (default
 * {@code oslab-demo}).
 *
 * <p>The compute service is disabled and forced down for a moment and always restored: no other boot may run
 * on the cloud meanwhile (CI runs the suites one after another). The test aggregate has no availability zone
 * (adding the host to an aggregate with one moves the host, and its servers, to that zone). Nova refuses to
 * update a service other than nova-compute, which the suite also checks.
 */
abstract class OperatorSuite extends CloudSuite {

    private static String name(String what) {
        return "novasdk-ops-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String projectId() {
        return session.token().project().flatMap(NamedRef::id).orElseThrow();
    }

    private Service compute() {
        return nova
                .services()
                .list(ServiceListOptions.builder().binary("nova-compute").build())
                .stream()
                .findFirst()
                .orElseThrow();
    }

    @Test
    void hypervisorsAndServices_asAdmin() {
        List<Hypervisor> all = nova.hypervisors().list().stream().collect(Collectors.toList());
        assertFalse(all.isEmpty());
        Hypervisor h = all.get(0);
        assertEquals(ServiceState.UP, h.state());
        assertEquals(ServiceStatus.ENABLED, h.status());
        assertEquals(h.hypervisorHostname(), nova.hypervisors().get(h.id()).hypervisorHostname());
        assertEquals(
                h.id(),
                nova.hypervisors().find(h.hypervisorHostname()).orElseThrow().id());
        assertEquals(
                h.id(), nova.hypervisors().search(h.hypervisorHostname()).get(0).id());
        Hypervisor withServers =
                nova.hypervisors().servers(h.hypervisorHostname()).get(0);
        assertEquals(h.id(), withServers.id());
        assertThrows(NotFoundException.class, () -> nova.hypervisors().search("no-such-hypervisor"));

        // Statistics are gone from 2.88: the negotiating client sends this one at 2.87.
        HypervisorStatistics stats = nova.hypervisors().statistics();
        assertEquals(1000, stats.vcpus(), "the lab's hypervisor: " + stats);
        assertEquals(800000, stats.memoryMb());
        assertEquals(600000, stats.localGb());
        assertTrue(stats.memoryMbUsed() >= 512, "the host's reserved memory counts as used");

        Set<String> binaries =
                nova.services().list().stream().map(Service::binary).collect(Collectors.toSet());
        assertTrue(
                binaries.containsAll(Set.of("nova-compute", "nova-conductor", "nova-scheduler")), binaries.toString());
        Service compute = compute();
        assertEquals(h.service().orElseThrow().host(), compute.host());
        assertEquals(h.service().orElseThrow().id(), compute.id().orElseThrow());
        assertEquals(ServiceState.UP, compute.state());
        assertEquals(Optional.of(false), compute.forcedDown());
    }

    @Test
    void operatorCalls_asDemo_refusedWithNovasPolicyMessage() {
        CloudConfig demo = demoConfig();
        try (Session s = sessionBuilder(demo).build();
                ComputeClient demoNova = computeBuilder(s, demo).build()) {
            assertPolicyRefuses(
                    "os-hypervisors:list-detail",
                    () -> demoNova.hypervisors().list().iterator().hasNext());
            assertPolicyRefuses(
                    "os-services:list",
                    () -> demoNova.services().list().iterator().hasNext());
            assertPolicyRefuses(
                    "os-aggregates:index",
                    () -> demoNova.aggregates().list().iterator().hasNext());
            assertPolicyRefuses(
                    "os-migrations:index",
                    () -> demoNova.migrations().list().iterator().hasNext());
            assertPolicyRefuses("os-simple-tenant-usage:list", () -> demoNova.usage()
                    .list(UsageListOptions.builder().build())
                    .iterator()
                    .hasNext());
        }
    }

    private static void assertPolicyRefuses(String rule, org.junit.jupiter.api.function.Executable call) {
        ForbiddenException e = assertThrows(ForbiddenException.class, call);
        assertEquals(
                Optional.of("Policy doesn't allow os_compute_api:" + rule + " to be performed."), e.serviceMessage());
    }

    // FakeCloud's demo user; on a real cloud the clouds.yaml cloud NOVASDK_IT_DEMO_CLOUD names.
    private CloudConfig demoConfig() {
        Optional<CloudConfig> fakeDemo = cloud.fakeCloud().map(f -> CloudConfig.builder()
                .environment(f.osEnvironment("demo"))
                .searchPaths(List.of())
                .build());
        if (fakeDemo.isPresent()) {
            return fakeDemo.get();
        }
        String name =
                Optional.ofNullable(System.getenv("NOVASDK_IT_DEMO_CLOUD")).orElse("oslab-demo");
        // Only the clouds.yaml location from this process: its OS_* variables are the admin's and would win.
        Map<String, String> env = new java.util.HashMap<>();
        Optional.ofNullable(System.getenv("OS_CLIENT_CONFIG_FILE")).ifPresent(f -> env.put("OS_CLIENT_CONFIG_FILE", f));
        try {
            return CloudConfig.builder().environment(env).cloud(name).build();
        } catch (RuntimeException e) {
            Assumptions.abort("no demo cloud '" + name + "' in clouds.yaml (set OS_CLIENT_CONFIG_FILE): " + e);
            throw e;
        }
    }

    @Test
    void services_updateOfAControlService_refusedByNova() {
        // Changes nothing on the shared lab: Nova refuses before touching the service.
        Service conductor = nova
                .services()
                .list(ServiceListOptions.builder().binary("nova-conductor").build())
                .stream()
                .findFirst()
                .orElseThrow();
        BadRequestException e =
                assertThrows(BadRequestException.class, () -> nova.services().disable(conductor));
        assertEquals(
                Optional.of("Updating a nova-conductor service is not supported. Only nova-compute services can be "
                        + "updated."),
                e.serviceMessage());
    }

    @Test
    void services_disableEnableForceDownCompute() {
        // The cloud's only nova-compute is disabled and forced down for a moment: nothing else may boot on the
        // cloud meanwhile (CI runs the suites one after another), and the finally block always restores it.
        Service compute = compute();
        Service disabled = nova.services().disable(compute, "novasdk maintenance");
        try {
            assertEquals(ServiceStatus.DISABLED, disabled.status());
            assertEquals(Optional.of("novasdk maintenance"), disabled.disabledReason());
            Hypervisor h = nova.hypervisors().list().iterator().next();
            assertEquals(ServiceStatus.DISABLED, h.status());
            assertEquals(
                    Optional.of("novasdk maintenance"),
                    h.service().orElseThrow().disabledReason());
            Service down = nova.services().forceDown(disabled, true);
            assertEquals(ServiceState.DOWN, down.state());
            assertEquals(Optional.of(true), down.forcedDown());
        } finally {
            nova.services().forceDown(compute, false);
            Service enabled = nova.services().enable(compute);
            assertEquals(ServiceStatus.ENABLED, enabled.status());
            assertEquals(Optional.empty(), enabled.disabledReason());
        }
    }

    @Test
    void aggregate_withTheHostAndMetadata_cleanedUp() {
        String host = compute().host();
        String name = name("agg");
        // No availability zone: adding the shared lab's host to a zoned aggregate would move its servers.
        Aggregate created =
                nova.aggregates().create(AggregateCreate.builder().name(name).build());
        try {
            assertEquals(name, created.name());
            assertTrue(created.uuid().isPresent());
            ConflictException taken = assertThrows(ConflictException.class, () -> nova.aggregates()
                    .create(AggregateCreate.builder().name(name).build()));
            assertEquals(Optional.of("Aggregate " + name + " already exists."), taken.serviceMessage());

            Aggregate withHost = nova.aggregates().addHost(created.id(), host);
            assertEquals(List.of(host), withHost.hosts());
            assertThrows(ConflictException.class, () -> nova.aggregates().addHost(created.id(), host));
            assertThrows(NotFoundException.class, () -> nova.aggregates().addHost(created.id(), "no-such-host"));
            Aggregate tagged = nova.aggregates().setMetadata(created.id(), Map.of("novasdk-ops", "1"));
            assertEquals(Map.of("novasdk-ops", "1"), tagged.metadata());
            BadRequestException notEmpty = assertThrows(
                    BadRequestException.class, () -> nova.aggregates().delete(created.id()));
            assertEquals(
                    Optional.of("Cannot remove host from aggregate " + created.id()
                            + ". Reason: Host aggregate is not empty."),
                    notEmpty.serviceMessage());

            Aggregate found = nova.aggregates().find(name).orElseThrow();
            assertEquals(List.of(host), found.hosts());
            assertEquals(Map.of("novasdk-ops", "1"), found.metadata());
            assertTrue(nova.aggregates().list().stream().anyMatch(a -> a.id().equals(created.id())));
            String renamed = name + "-2";
            assertEquals(
                    renamed,
                    nova.aggregates()
                            .update(
                                    created.id(),
                                    AggregateUpdate.builder().name(renamed).build())
                            .name());
            assertEquals(
                    List.of(), nova.aggregates().removeHost(created.id(), host).hosts());
        } finally {
            Aggregate now = nova.aggregates().get(created.id());
            if (!now.hosts().isEmpty()) {
                nova.aggregates().removeHost(created.id(), host);
            }
            nova.aggregates().delete(created.id());
        }
        assertThrows(NotFoundException.class, () -> nova.aggregates().get(created.id()));
    }

    @Test
    void migrations_afterAResize() throws Exception {
        Image cirros = nova.images().find("cirros").orElseThrow();
        Flavor tiny = nova.flavors().find("m1.tiny").orElseThrow();
        Flavor small = nova.flavors().find("m1.small").orElseThrow();
        Server s = nova.servers()
                .create(ServerCreate.builder()
                        .name(name("resize"))
                        .image(cirros)
                        .flavor(tiny)
                        .networksNone()
                        .build());
        try {
            nova.servers().waitForStatus(s.id(), ServerStatus.ACTIVE, cloud.waits());
            nova.servers().resize(s.id(), small.id());
            nova.servers().waitForStatus(s.id(), ServerStatus.VERIFY_RESIZE, cloud.waits());
            List<Migration> ms = nova
                    .migrations()
                    .list(MigrationListOptions.builder()
                            .instanceUuid(s.id())
                            .migrationType(MigrationType.RESIZE)
                            .build())
                    .stream()
                    .collect(Collectors.toList());
            assertEquals(1, ms.size(), ms.toString());
            Migration m = ms.get(0);
            assertEquals(Optional.of("finished"), m.status());
            assertEquals(Optional.of(MigrationType.RESIZE), m.migrationType());
            assertEquals(Optional.of(projectId()), m.projectId());
            assertTrue(m.uuid().isPresent());
            assertTrue(nova
                    .migrations()
                    .list(MigrationListOptions.builder().limit(1).build())
                    .stream()
                    .anyMatch(x -> x.instanceUuid().equals(Optional.of(s.id()))));
            nova.servers().confirmResize(s.id());
            Supplier<Optional<String>> status = () -> nova.migrations()
                    .list(MigrationListOptions.builder().instanceUuid(s.id()).build())
                    .iterator()
                    .next()
                    .status();
            for (int i = 0; i < 60 && !status.get().equals(Optional.of("confirmed")); i++) {
                cloud.sleeper().sleep(Duration.ofSeconds(1));
            }
            assertEquals(Optional.of("confirmed"), status.get());
        } finally {
            nova.servers().delete(s.id());
            nova.servers().waitForDelete(s.id(), cloud.waits());
        }
    }

    @Test
    void usage_ofTheAdminProject() {
        Instant start = cloud.clock().instant().minus(Duration.ofHours(1));
        Image cirros = nova.images().find("cirros").orElseThrow();
        Flavor tiny = nova.flavors().find("m1.tiny").orElseThrow();
        Server s = nova.servers()
                .create(ServerCreate.builder()
                        .name(name("usage"))
                        .image(cirros)
                        .flavor(tiny)
                        .networksNone()
                        .build());
        try {
            nova.servers().waitForStatus(s.id(), ServerStatus.ACTIVE, cloud.waits());
            TenantUsage mine = nova.usage().get(projectId(), UsageListOptions.since(start));
            assertEquals(Optional.of(projectId()), mine.tenantId());
            // Nova compares the window in whole seconds, so a server launched in the current second joins the
            // report only in the next one (seen on the lab in 6 of 8 reads right after ACTIVE): poll, as a
            // billing reader would. It pages a project's servers at its max_limit (1000) even without a limit,
            // and the shared lab's admin project has more than that in a day: look through every page.
            assertTrue(
                    Waiter.<Boolean>builder(
                                    () -> nova.usage().pages(projectId(), UsageListOptions.since(start)).stream()
                                            .flatMap(u -> u.serverUsages().stream())
                                            .anyMatch(u -> u.instanceId().equals(s.id())))
                            .description("server " + s.id() + " to appear in the usage report")
                            .successWhen(Boolean::booleanValue)
                            .options(cloud.waits())
                            .sleeper(cloud.sleeper())
                            .nanoTime(cloud.nanoTime())
                            .build()
                            .await(),
                    "the booted server is in the report");
            assertTrue(mine.totalHours().orElseThrow() >= 0);
            List<TenantUsage> all =
                    nova
                            .usage()
                            .list(UsageListOptions.builder()
                                    .start(start)
                                    .detailed(true)
                                    .build())
                            .stream()
                            .collect(Collectors.toList());
            assertTrue(all.stream().anyMatch(u -> u.tenantId().equals(Optional.of(projectId()))));
            TenantUsage firstPage = nova.usage()
                    .pages(
                            projectId(),
                            UsageListOptions.builder().start(start).limit(1).build())
                    .iterator()
                    .next();
            assertEquals(1, firstPage.serverUsages().size(), "paging by server (2.40)");
        } finally {
            nova.servers().delete(s.id());
            nova.servers().waitForDelete(s.id(), cloud.waits());
        }
    }

    @Test
    void flavor_extraSpecsAndAccess_onAPrivateFlavor() {
        String name = name("flv");
        Flavor f = nova.flavors()
                .create(FlavorCreate.builder()
                        .name(name)
                        .ram(64)
                        .vcpus(1)
                        .disk(0)
                        .isPublic(false)
                        .build());
        try {
            assertEquals(Map.of(), nova.flavors().extraSpecs(f.id()));
            Map<String, String> set =
                    nova.flavors().setExtraSpecs(f.id(), Map.of("hw:cpu_policy", "shared", "novasdk:ops", "v"));
            assertEquals(Map.of("hw:cpu_policy", "shared", "novasdk:ops", "v"), set);
            assertEquals("v", nova.flavors().extraSpec(f.id(), "novasdk:ops"));
            assertEquals("w", nova.flavors().updateExtraSpec(f.id(), "novasdk:ops", "w"));
            nova.flavors().deleteExtraSpec(f.id(), "novasdk:ops");
            assertEquals(Map.of("hw:cpu_policy", "shared"), nova.flavors().extraSpecs(f.id()));
            NotFoundException gone =
                    assertThrows(NotFoundException.class, () -> nova.flavors().extraSpec(f.id(), "novasdk:ops"));
            assertEquals(
                    Optional.of("Flavor " + f.id() + " has no extra specs with key novasdk:ops."),
                    gone.serviceMessage());
            BadRequestException bogus = assertThrows(BadRequestException.class, () -> nova.flavors()
                    .setExtraSpecs(f.id(), Map.of("hw:cpu_policy", "bogus")));
            assertEquals(
                    Optional.of("Validation failed; 'bogus' is not one of: dedicated, shared, mixed."),
                    bogus.serviceMessage());

            String project = projectId();
            assertEquals(List.of(), nova.flavors().access(f.id()));
            List<FlavorAccess> granted = nova.flavors().addTenantAccess(f.id(), project);
            assertEquals(
                    List.of(FlavorAccess.builder()
                            .flavorId(f.id())
                            .tenantId(project)
                            .build()),
                    granted);
            assertThrows(ConflictException.class, () -> nova.flavors().addTenantAccess(f.id(), project));
            assertEquals(granted, nova.flavors().access(f.id()));
            assertEquals(List.of(), nova.flavors().removeTenantAccess(f.id(), project));
            assertThrows(NotFoundException.class, () -> nova.flavors().removeTenantAccess(f.id(), project));

            Flavor described = nova.flavors()
                    .update(
                            f.id(),
                            FlavorUpdate.builder().description("novasdk ops").build());
            assertEquals(Optional.of("novasdk ops"), described.description());
            assertEquals(Map.of("hw:cpu_policy", "shared"), described.extraSpecs());
        } finally {
            nova.flavors().delete(f.id());
        }
        Flavor tiny = nova.flavors().find("m1.tiny").orElseThrow();
        ConflictException publicFlavor =
                assertThrows(ConflictException.class, () -> nova.flavors().addTenantAccess(tiny.id(), projectId()));
        assertEquals(Optional.of("Can not add access to a public flavor."), publicFlavor.serviceMessage());
        NotFoundException noList =
                assertThrows(NotFoundException.class, () -> nova.flavors().access(tiny.id()));
        assertEquals(Optional.of("Access list not available for public flavors."), noList.serviceMessage());
    }
}
