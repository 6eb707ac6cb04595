package dev.novasdk.core.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageTest {
    private static final URI NEXT = URI.create("https://nova.example/v2.1/servers?marker=b&limit=2");

    @Test
    void of_withLink_hasNextAndExposesTheLink() {
        Page<String> page = Page.of(List.of("a", "b"), NEXT);

        assertTrue(page.hasNext());
        assertEquals(Optional.of(NEXT), page.nextLink());
        assertEquals(Optional.empty(), page.nextMarker());
        assertEquals(List.of("a", "b"), page.items());
    }

    @Test
    void of_nullLink_isTheLastPage() {
        Page<String> page = Page.of(List.of("a"), null);

        assertFalse(page.hasNext());
        assertEquals(Page.last(List.of("a")), page);
    }

    @Test
    void withMarker_marker_hasNextAndExposesTheMarker() {
        Page<String> page = Page.withMarker(List.of("a", "b"), "b");

        assertTrue(page.hasNext());
        assertEquals(Optional.of("b"), page.nextMarker());
        assertEquals(Optional.empty(), page.nextLink());
    }

    @Test
    void withMarker_nullMarker_isTheLastPage() {
        assertFalse(Page.withMarker(List.of("a"), null).hasNext());
    }

    @Test
    void withMarker_emptyMarker_throwsIllegalArgumentNamingIt() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Page.withMarker(List.of("a"), ""));

        assertTrue(e.getMessage().startsWith("markerOrNull"), e.getMessage());
    }

    @Test
    void items_sourceListChangedLater_pageKeepsItsCopy() {
        List<String> source = new ArrayList<>(List.of("a", "b"));
        Page<String> page = Page.last(source);

        source.add("c");

        assertEquals(List.of("a", "b"), page.items());
    }

    @Test
    void items_modification_throwsUnsupportedOperation() {
        Page<String> page = Page.last(List.of("a"));

        assertThrows(UnsupportedOperationException.class, () -> page.items().add("b"));
    }

    @Test
    void last_nullItem_throwsNullPointerNamingTheIndex() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Page.last(Arrays.asList("a", null)));

        assertEquals("items[1] is null", e.getMessage());
    }

    @Test
    void map_keepsLinkAndMapsItems() {
        Page<Integer> mapped = Page.of(List.of("a", "bb"), NEXT).map(String::length);

        assertEquals(Page.of(List.of(1, 2), NEXT), mapped);
    }

    @Test
    void map_mapperReturnsNull_throwsNullPointer() {
        assertThrows(NullPointerException.class, () -> Page.last(List.of("a")).map(s -> null));
    }

    @Test
    void toString_showsCountAndLinkButNotItems() {
        String text = Page.of(List.of("secret-item"), NEXT).toString();

        assertEquals("Page[1 items, nextLink=" + NEXT + "]", text);
    }

    @Test
    void equals_differentContinuation_notEqual() {
        assertFalse(Page.of(List.of("a"), NEXT).equals(Page.withMarker(List.of("a"), "b")));
        assertEquals(
                Page.withMarker(List.of("a"), "b").hashCode(),
                Page.withMarker(List.of("a"), "b").hashCode());
    }
}
