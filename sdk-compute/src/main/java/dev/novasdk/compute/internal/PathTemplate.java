package dev.novasdk.compute.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A path relative to a service endpoint, such as {@code servers/{id}/action}: literal segments and
 * {@code {name}} placeholders filled in order. Every value is checked ({@link Ids#require}) and escaped, so a
 * name or id can never add a segment. Immutable. Not API.
 */
public final class PathTemplate {
    private final String text;
    private final String[] segments;
    private final String[] params; // parallel to segments: the placeholder's name, or null for a literal
    private final int paramCount;

    private PathTemplate(String text, String[] segments, String[] params, int paramCount) {
        this.text = text;
        this.segments = segments;
        this.params = params;
        this.paramCount = paramCount;
    }

    /**
     * The template {@code text}: segments separated by {@code /}, placeholders as {@code {name}}.
     *
     * @throws IllegalArgumentException for an empty segment
     */
    public static PathTemplate parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] segments = text.split("/", -1);
        String[] params = new String[segments.length];
        int count = 0;
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.isEmpty()) {
                throw new IllegalArgumentException("empty segment in path template '" + text + "'");
            }
            if (s.startsWith("{") && s.endsWith("}")) {
                params[i] = s.substring(1, s.length() - 1);
                count++;
            }
        }
        return new PathTemplate(text, segments, params, count);
    }

    /**
     * The segments with the placeholders filled by {@code values}, in order.
     *
     * @throws NullPointerException naming the placeholder when its value is null
     * @throws IllegalArgumentException naming the placeholder when its value is blank, or when the number of
     *         values is not the number of placeholders (a programming error)
     */
    public List<String> expand(List<String> values) {
        if (values.size() != paramCount) {
            throw new IllegalArgumentException(
                    "path '" + text + "' takes " + paramCount + " values, got " + values.size() + ": " + values);
        }
        List<String> out = new ArrayList<>(segments.length);
        int next = 0;
        for (int i = 0; i < segments.length; i++) {
            out.add(params[i] == null ? segments[i] : Ids.require(params[i], values.get(next++)));
        }
        return out;
    }

    /** The placeholders' names, in order. */
    public List<String> params() {
        List<String> names = new ArrayList<>(paramCount);
        Arrays.stream(params).filter(Objects::nonNull).forEach(names::add);
        return names;
    }

    @Override
    public String toString() {
        return text;
    }
}
