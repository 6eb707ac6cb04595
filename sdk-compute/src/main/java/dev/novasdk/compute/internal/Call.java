package dev.novasdk.compute.internal;

import dev.novasdk.compute.VersionRequirement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The arguments of one call of an {@link Operation}: the path values, the query, the body, and the version
 * requirements of anything other than the body (list filters). Immutable. Not API.
 *
 * @param <I> the body's type ({@link Void} for none)
 */
public final class Call<I> {
    private static final Call<Void> NONE = new Call<>(List.of(), Map.of(), null, List.of());

    private final List<String> pathValues;
    private final Map<String, List<String>> query;
    private final I body;
    private final List<VersionRequirement> requirements;

    private Call(
            List<String> pathValues, Map<String, List<String>> query, I body, List<VersionRequirement> requirements) {
        this.pathValues = pathValues;
        this.query = query;
        this.body = body;
        this.requirements = requirements;
    }

    /** A call with these path values, in the order of the template's placeholders (checked when sent). */
    public static Call<Void> to(String... pathValues) {
        return pathValues.length == 0 ? NONE : new Call<>(nullableList(pathValues), Map.of(), null, List.of());
    }

    /** A call with this body and no path values. */
    public static <J> Call<J> with(J body) {
        return NONE.body(body);
    }

    /** This call with {@code body}. */
    public <J> Call<J> body(J body) {
        return new Call<>(pathValues, query, Objects.requireNonNull(body, "body"), requirements);
    }

    /** This call with these query parameters, in order. */
    public Call<I> query(Map<String, List<String>> query) {
        return new Call<>(pathValues, Objects.requireNonNull(query, "query"), body, requirements);
    }

    /** This call, with the version requirements of its other arguments (list filters). */
    public Call<I> require(Collection<VersionRequirement> more) {
        List<VersionRequirement> all = new ArrayList<>(requirements);
        all.addAll(more);
        return new Call<>(pathValues, query, body, List.copyOf(all));
    }

    List<String> pathValues() {
        return pathValues;
    }

    Map<String, List<String>> query() {
        return query;
    }

    I body() {
        return body;
    }

    List<VersionRequirement> requirements() {
        return requirements;
    }

    // Path values are checked by the template, which names the placeholder; List.of would throw a bare NPE.
    private static List<String> nullableList(String[] values) {
        List<String> list = new ArrayList<>(values.length);
        for (String v : values) {
            list.add(v);
        }
        return java.util.Collections.unmodifiableList(list);
    }
}
