package dev.novasdk.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeadersTest {
    @Test
    void lookups_ignoreCaseAndKeepFirstSpelling() {
        Headers h = Headers.of("X-OpenStack-Request-ID", "req-1");

        assertEquals(Optional.of("req-1"), h.firstValue("x-openstack-request-id"));
        assertTrue(h.contains("X-OPENSTACK-REQUEST-ID"));
        assertEquals(List.of("X-OpenStack-Request-ID"), h.names());
        assertEquals(Optional.empty(), h.firstValue("Accept"));
        assertEquals(List.of(), h.values("Accept"));
    }

    @Test
    void add_sameNameTwice_keepsBothValuesInOrder() {
        Headers h = Headers.builder()
                .add("Set-Cookie", "a=1")
                .add("set-cookie", "b=2")
                .add("Vary", "Accept")
                .build();

        assertEquals(List.of("a=1", "b=2"), h.values("SET-COOKIE"));
        assertEquals(Optional.of("a=1"), h.firstValue("Set-Cookie"));
        assertEquals(2, h.size());
        List<String> seen = new ArrayList<>();
        h.forEach((n, v) -> seen.add(n + "=" + v));
        assertEquals(List.of("Set-Cookie=a=1", "Set-Cookie=b=2", "Vary=Accept"), seen);
    }

    @Test
    void with_replacesEveryValueAndLeavesTheOriginal() {
        Headers original =
                Headers.builder().add("Accept", "a").add("Accept", "b").build();

        Headers changed = original.with("accept", "c");

        assertEquals(List.of("c"), changed.values("Accept"));
        assertEquals(List.of("a", "b"), original.values("Accept"));
    }

    @Test
    void without_removesIgnoringCase_andReturnsSameWhenAbsent() {
        Headers h = Headers.of("Accept", "a", "X-Auth-Token", "t");

        assertFalse(h.without("x-auth-token").contains("X-Auth-Token"));
        assertTrue(h.contains("X-Auth-Token"));
        assertSame(h, h.without("Missing"));
    }

    @Test
    void views_areUnmodifiable() {
        Headers h = Headers.of("Accept", "a");

        assertThrows(
                UnsupportedOperationException.class, () -> h.values("Accept").add("b"));
        assertThrows(UnsupportedOperationException.class, () -> h.names().add("X"));
        Map<String, List<String>> map = h.toMap();
        assertThrows(UnsupportedOperationException.class, () -> map.put("X", List.of("y")));
        assertThrows(
                UnsupportedOperationException.class, () -> map.get("Accept").add("b"));
        assertEquals(List.of("a"), h.values("Accept"));
    }

    @Test
    void builder_reusedAfterBuild_doesNotChangeBuiltHeaders() {
        Headers.Builder b = Headers.builder().add("Accept", "a");
        Headers first = b.build();

        b.add("Accept", "b").add("X-New", "1").remove("Accept");
        Headers second = b.build();

        assertEquals(List.of("a"), first.values("Accept"));
        assertFalse(first.contains("X-New"));
        assertFalse(second.contains("Accept"));
        assertTrue(second.contains("X-New"));
    }

    @Test
    void toBuilder_changes_doNotAffectTheSource() {
        Headers h = Headers.of("Accept", "a");

        Headers more = h.toBuilder().add("Accept", "b").build();

        assertEquals(List.of("a"), h.values("Accept"));
        assertEquals(List.of("a", "b"), more.values("Accept"));
    }

    @Test
    void equals_ignoresNameCaseButNotValues() {
        assertEquals(Headers.of("Accept", "a"), Headers.of("accept", "a"));
        assertEquals(
                Headers.of("Accept", "a").hashCode(), Headers.of("ACCEPT", "a").hashCode());
        assertNotEquals(Headers.of("Accept", "a"), Headers.of("Accept", "A"));
        assertEquals(Headers.empty(), Headers.builder().build());
        assertTrue(Headers.empty().isEmpty());
    }

    @Test
    void add_illegalName_isRejected() {
        for (String bad : new String[] {"", "Bad Name", "Colon:", "Tab\t", "New\nLine", "Caf\u00e9", "Del\u007f"}) {
            assertThrows(IllegalArgumentException.class, () -> Headers.builder().add(bad, "v"), bad);
        }
    }

    @Test
    void add_nullNameOrValue_isRejectedNamingIt() {
        assertEquals(
                "name",
                assertThrows(NullPointerException.class, () -> Headers.builder().add(null, "v"))
                        .getMessage());
        NullPointerException e =
                assertThrows(NullPointerException.class, () -> Headers.builder().add("Accept", null));
        assertTrue(e.getMessage().contains("Accept"), e.getMessage());
    }

    @Test
    void of_oddArguments_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> Headers.of("Accept"));
    }

    @Test
    void add_valueWithLineBreak_rejectedNamingTheHeader() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> Headers.builder().add("X-Test", "a\r\nX-Injected: 1"));
        org.junit.jupiter.api.Assertions.assertEquals("value of header 'X-Test' contains CR or LF", e.getMessage());
    }

    @Test
    void with_repeated_givesTheSameHeadersAndFollowsAChangedValue() {
        Headers base = Headers.of("Accept", "application/json");

        Headers first = base.with("OpenStack-API-Version", "compute 2.93");
        Headers again = base.with("OpenStack-API-Version", "compute 2.93");
        Headers other = base.with("OpenStack-API-Version", "compute 2.1");
        Headers spelledOtherwise = base.with("openstack-api-version", "compute 2.93");

        assertSame(first, again);
        assertEquals(Optional.of("compute 2.1"), other.firstValue("OpenStack-API-Version"));
        assertEquals(List.of("Accept", "openstack-api-version"), spelledOtherwise.names());
        assertEquals(
                Optional.of("compute 2.93"),
                base.with("OpenStack-API-Version", "compute 2.93").firstValue("openstack-api-version"));
        assertEquals(1, base.size());
        assertThrows(IllegalArgumentException.class, () -> base.with("OpenStack-API-Version", "a\r\nb"));
    }

    @Test
    void with_credentialHeader_isNotRemembered() {
        Headers base = Headers.of("Accept", "application/json");

        Headers first = base.with("X-Auth-Token", "gAAAAtoken");
        Headers again = base.with("X-Auth-Token", "gAAAAtoken");

        assertEquals(first, again);
        assertNotSame(first, again);
    }
}
