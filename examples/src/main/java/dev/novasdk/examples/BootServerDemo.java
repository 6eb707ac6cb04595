package dev.novasdk.examples;

import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.flavors.Flavor;
import dev.novasdk.compute.images.Image;
import dev.novasdk.compute.servers.BlockDeviceMappingV2;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerCreate;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.core.error.BadRequestException;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.error.OpenStackException;
import dev.novasdk.core.waiter.WaitOptions;
import dev.novasdk.identity.CloudConfig;
import dev.novasdk.identity.NamedRef;
import dev.novasdk.identity.Token;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The main demo: the life of one server, as in {@code nova boot} and {@code nova show}. Authenticates, finds
 * image "cirros" and flavor "m1.tiny" by name, tries seed 000's boot with a 100 MB swap disk (which m1.tiny
 * refuses) and prints Nova's refusal, boots a valid server, waits for ACTIVE printing its progress, shows it,
 * lists servers, deletes it and waits until it is gone.
 *
 * <p>Runs against the cloud named by {@code OS_CLOUD}/{@code clouds.yaml}/{@code OS_*}, or the embedded
 * FakeCloud when none is configured. Exits 0 on success, 1 when a request is refused.
 */
public final class BootServerDemo {
    private static final WaitOptions WAIT =
            WaitOptions.of(Duration.ofMinutes(5), Duration.ofMillis(500), Duration.ofSeconds(5));

    private BootServerDemo() {}

    /** Runs the demo. */
    public static void main(String[] args) {
        System.exit(run(System.out, System.err));
    }

    static int run(PrintStream out, PrintStream err) {
        return run(out, err, CloudConfig.detect());
    }

    static int run(PrintStream out, PrintStream err, Optional<CloudConfig> config) {
        String serverId = null;
        try (CloudConnection cloud = CloudConnection.open(err, config)) {
            ComputeClient nova = cloud.nova();
            try {
                Token token = cloud.session().token();
                out.println("Authenticated to " + cloud.description() + " as "
                        + token.user().flatMap(NamedRef::name).orElse("?") + " in project "
                        + token.project().flatMap(NamedRef::name).orElse("?") + " (identity " + token.identityVersion()
                        + ")");
                out.println("Compute endpoint " + nova.endpoint() + ", microversion " + nova.microversion()
                        + " (cloud maximum " + nova.cloudMaxMicroversion() + ")");

                Image image = nova.images()
                        .find("cirros")
                        .orElseThrow(() -> new IllegalStateException("no image named cirros"));
                Flavor flavor = nova.flavors()
                        .find("m1.tiny")
                        .orElseThrow(() -> new IllegalStateException("no flavor named m1.tiny"));
                out.println("Image cirros is " + image.id() + "; flavor m1.tiny is " + flavor.id() + " (swap "
                        + flavor.swapMb().orElse(0) + " MB)");

                out.println();
                out.println("$ nova boot --flavor m1.tiny --image cirros --swap 100 test2   (seed 000)");
                try {
                    Server refused = nova.servers()
                            .create(ServerCreate.builder()
                                    .name("test2")
                                    .image(image)
                                    .flavor(flavor)
                                    .networksNone()
                                    .addBlockDeviceMappings(BlockDeviceMappingV2.swap(100))
                                    .build());
                    serverId = refused.id();
                    err.println("Unexpected: the cloud accepted a swap disk larger than m1.tiny allows");
                    return 1;
                } catch (BadRequestException e) {
                    out.println("Refused as expected: " + e.serviceMessage().orElse(e.getMessage()) + " (HTTP "
                            + e.statusCode() + ", request id " + e.requestId().orElse("none") + ")");
                }

                String name = "novasdk-demo-" + Long.toHexString(System.nanoTime() & 0xffffff);
                out.println();
                out.println("$ nova boot --flavor m1.tiny --image cirros --nic none --poll " + name);
                Server created = nova.servers()
                        .create(ServerCreate.builder()
                                .name(name)
                                .image(image)
                                .flavor(flavor)
                                .networksNone()
                                .build());
                serverId = created.id();
                out.println("Server " + created.id() + " accepted; adminPass was returned: "
                        + created.adminPass().isPresent());
                AtomicReference<String> last = new AtomicReference<>("");
                Server active = nova.servers().waitForStatus(created.id(), ServerStatus.ACTIVE, WAIT, s -> {
                    String line = s.statusRaw().orElse("?") + " task_state="
                            + s.taskStateRaw().orElse("-") + " progress="
                            + s.progress().map(p -> p + "%").orElse("-");
                    if (!line.equals(last.getAndSet(line))) {
                        out.println("  " + line);
                    }
                });

                out.println();
                out.println("$ nova show " + name);
                ServerView.show(active, out);

                out.println();
                out.println("$ nova list");
                Table list = new Table("ID", "Name", "Status", "Task State", "Power State");
                nova.servers()
                        .list()
                        .forEach(s -> list.row(
                                s.id(),
                                s.name().orElse(""),
                                s.statusRaw().orElse(""),
                                s.taskStateRaw().orElse("-"),
                                s.powerState().map(Enum::name).orElse("")));
                list.print(out);

                out.println();
                out.println("$ nova delete " + name);
                nova.servers().delete(active.id());
                nova.servers().waitForDelete(active.id(), WAIT);
                serverId = null;
                out.println("Server " + active.id() + " is gone.");
                return 0;
            } catch (OpenStackException e) {
                err.println("ERROR: " + e.getMessage());
                return 1;
            } finally {
                if (serverId != null) {
                    cleanUp(nova, serverId, err);
                }
            }
        }
    }

    private static void cleanUp(ComputeClient nova, String id, PrintStream err) {
        try {
            nova.servers().delete(id);
            nova.servers().waitForDelete(id, WAIT);
        } catch (NotFoundException gone) {
            // already deleted
        } catch (OpenStackException e) {
            err.println("WARNING: could not delete server " + id + ": " + e.getMessage());
        }
    }
}
