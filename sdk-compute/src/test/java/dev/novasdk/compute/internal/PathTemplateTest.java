package dev.novasdk.compute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PathTemplateTest {
    private static final PathTemplate ACTION = PathTemplate.parse("servers/{id}/action");

    @Test
    void expand_fillsPlaceholdersInOrder() {
        assertEquals(List.of("servers", "abc", "action"), ACTION.expand(List.of("abc")));
        assertEquals(List.of("id"), ACTION.params());
    }

    @Test
    void expand_valueWithSlash_staysOneEscapedSegment() {
        URI uri = Urls.of(URI.create("http://nova/v2.1"), ACTION.expand(List.of("a/../b")), Map.of());
        assertEquals("http://nova/v2.1/servers/a%2F..%2Fb/action", uri.toString());
    }

    @Test
    void expand_nullOrBlankValue_namedInException() {
        assertEquals(
                "id",
                assertThrows(NullPointerException.class, () -> ACTION.expand(Arrays.asList((String) null)))
                        .getMessage());
        assertEquals(
                "id must not be blank",
                assertThrows(IllegalArgumentException.class, () -> ACTION.expand(List.of("  ")))
                        .getMessage());
    }

    @Test
    void expand_wrongNumberOfValues_refused() {
        assertThrows(IllegalArgumentException.class, () -> ACTION.expand(List.of()));
        assertThrows(IllegalArgumentException.class, () -> ACTION.expand(List.of("a", "b")));
    }

    @Test
    void parse_emptySegment_refused() {
        assertThrows(IllegalArgumentException.class, () -> PathTemplate.parse("servers//action"));
    }
}
