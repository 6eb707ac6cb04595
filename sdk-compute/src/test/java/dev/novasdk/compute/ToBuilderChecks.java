package dev.novasdk.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.function.Consumer;
import java.util.function.Function;

/** The contract of {@code toBuilder()} on requests, models and options, checked the same way for each type. */
public final class ToBuilderChecks {
    private ToBuilderChecks() {}

    /**
     * Asserts that {@code toBuilder} of {@code value} builds an equal value, and that changing the builder
     * afterwards, by {@code change}, shows in the next build only: neither {@code value} nor the copy built
     * before it changes. {@code value} should have every field set, so that a field lost on the way fails.
     */
    public static <T, B> void assertToBuilder(
            T value, Function<T, B> toBuilder, Function<B, T> build, Consumer<B> change) {
        String before = value.toString();
        B builder = toBuilder.apply(value);
        T copy = build.apply(builder);
        assertEquals(value, copy, "a toBuilder copy equals the original");
        assertEquals(value.hashCode(), copy.hashCode());
        assertEquals(before, copy.toString());

        change.accept(builder);
        T changed = build.apply(builder);
        assertNotEquals(value, changed, "the change shows in the next build");
        assertEquals(before, value.toString(), "the original is unchanged");
        assertEquals(value, copy, "a value built earlier is unchanged");
    }
}
