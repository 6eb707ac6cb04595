package dev.novasdk.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.novasdk.core.internal.JsonCodec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Links read and write with their optional type, and the first link of a relation can be found. */
class LinkTest {
    private final ObjectMapper mapper = JsonCodec.defaultMapper();

    @Test
    void href_relationPresent_isFirstMatch() {
        List<Link> links =
                List.of(Link.of("self", "https://a"), Link.of("next", "https://b"), Link.of("next", "https://c"));

        assertEquals(Optional.of("https://b"), Link.href(links, "next"));
        assertEquals(Optional.empty(), Link.href(links, "bookmark"));
    }

    @Test
    void json_withType_roundTrips() throws Exception {
        String json =
                "{\"rel\":\"alternate\",\"href\":\"http://glance/images/1\",\"type\":\"application/vnd.openstack.image\"}";

        Link link = mapper.readValue(json, Link.class);

        assertEquals(Optional.of("application/vnd.openstack.image"), link.type());
        assertEquals(mapper.readTree(json), mapper.valueToTree(link));
    }

    @Test
    void json_withoutType_writesNoType() {
        assertEquals(
                "{\"rel\":\"self\",\"href\":\"https://a\"}",
                mapper.valueToTree(Link.of("self", "https://a")).toString());
    }

    @Test
    void toBuilder_copiesAndStaysIndependent() {
        Link link = Link.builder()
                .rel("alternate")
                .href("http://glance.example/images/1")
                .type("application/vnd.openstack.image")
                .build();
        ToBuilderChecks.assertToBuilder(link, Link::toBuilder, Link.Builder::build, b -> b.rel("self"));
    }
}
