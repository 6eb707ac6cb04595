package dev.novasdk.compute.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.novasdk.compute.Samples;
import dev.novasdk.compute.internal.ServerListDocument;
import dev.novasdk.core.internal.JsonCodec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A page of servers knows where the next page is from its {@code servers_links}. */
class ServerListDocumentTest {
    private final JsonCodec codec = JsonCodec.create();

    @Test
    void nextHref_pageWithNextLink_isTheLinksHref() {
        ServerListDocument page =
                codec.read(Samples.bytes("compute/servers/servers-details-resp.json"), ServerListDocument.class);

        assertEquals(
                Optional.of("http://openstack.example.com/v2.1/6f70656e737461636b20342065766572/servers/detail"
                        + "?limit=1&marker=f5dc173b-6804-445a-a6d8-c705dad5b5eb"),
                page.nextHref());
        assertEquals(1, page.servers().size());
    }

    @Test
    void nextHref_pageWithoutLinks_isEmpty() {
        ServerListDocument page =
                codec.read(Samples.bytes("compute/servers/v2.69/servers-list-resp.json"), ServerListDocument.class);

        assertEquals(Optional.empty(), page.nextHref());
    }
}
