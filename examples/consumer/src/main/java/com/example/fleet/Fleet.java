package com.example.fleet;

import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerCreate;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.core.waiter.WaitOptions;
import dev.novasdk.identity.CloudConfig;
import dev.novasdk.identity.Session;
import java.util.List;
import java.util.stream.Collectors;

/** A tiny application that keeps a named fleet of servers, using the SDK only through its public API. */
public final class Fleet {
    private final ComputeClient nova;
    private final WaitOptions waits;

    /** A fleet on the given client, waiting for servers with the given options. */
    public Fleet(ComputeClient nova, WaitOptions waits) {
        this.nova = nova;
        this.waits = waits;
    }

    /** Boots one server of the fleet from the image and flavor named, and returns it once ACTIVE. */
    public Server launch(String name, String image, String flavor) {
        Server created = nova.servers()
                .create(ServerCreate.builder()
                        .name(name)
                        .image(nova.images().find(image).orElseThrow())
                        .flavor(nova.flavors().find(flavor).orElseThrow())
                        .networksNone()
                        .build());
        return nova.servers().waitForStatus(created.id(), ServerStatus.ACTIVE, waits);
    }

    /** The names of the servers the project has, in the cloud's order. */
    public List<String> names() {
        return nova.servers().list().stream()
                .map(s -> s.name().orElse(s.id()))
                .collect(Collectors.toList());
    }

    /** Deletes a server and waits until it is gone. */
    public void retire(String id) {
        nova.servers().delete(id);
        nova.servers().waitForDelete(id, waits);
    }

    /** Boots, lists and retires one server on the cloud named by OS_CLOUD / clouds.yaml / OS_* variables. */
    public static void main(String[] args) {
        try (Session session = CloudConfig.load().newSession();
                ComputeClient nova = ComputeClient.builder().session(session).build()) {
            Fleet fleet = new Fleet(nova, WaitOptions.defaults());
            Server s = fleet.launch(args.length > 0 ? args[0] : "fleet-1", "cirros", "m1.tiny");
            System.out.println(s.name().orElse(s.id()) + " " + s.status() + " among " + fleet.names());
            fleet.retire(s.id());
        }
    }
}
