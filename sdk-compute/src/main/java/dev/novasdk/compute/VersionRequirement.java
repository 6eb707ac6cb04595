package dev.novasdk.compute;

import dev.novasdk.core.http.Microversion;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The compute microversions in which one request field, as set, is accepted: Nova validates every request
 * body against the schema of the version it is sent at and rejects fields that version does not know. Request
 * values report these for the fields they hold, so that a request fails before sending when the client's
 * version cannot serve it; the client checks and selects versions against them. Immutable.
 */
public final class VersionRequirement {
    private final String field;
    private final String condition;
    private final List<MicroversionRange> ranges;
    private final String rule;

    private VersionRequirement(String field, String condition, List<MicroversionRange> ranges, String rule) {
        this.field = field;
        this.condition = condition;
        this.ranges = ranges;
        this.rule = rule;
    }

    /** {@code field} exists from {@code min} on ("Requires microversion 2.52 or later" in the API reference). */
    public static VersionRequirement since(String field, Microversion min) {
        MicroversionRange range = MicroversionRange.atLeast(min);
        return new VersionRequirement(
                checkField(field), null, List.of(range), "requires compute microversion " + range);
    }

    /** {@code field} was removed after {@code max} (the API reference's {@code max_version}). */
    public static VersionRequirement until(String field, Microversion max) {
        return new VersionRequirement(
                checkField(field),
                null,
                List.of(MicroversionRange.atMost(max)),
                "is not accepted after compute microversion " + max);
    }

    /**
     * {@code field} is accepted in any of the given ranges, for fields that came, went and came back (device
     * tags were accepted in 2.32, lost in 2.33 by a bug and restored in 2.42).
     */
    public static VersionRequirement anyOf(String field, MicroversionRange first, MicroversionRange... more) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(more, "more");
        List<MicroversionRange> ranges = new ArrayList<>();
        ranges.add(first);
        for (MicroversionRange r : more) {
            ranges.add(Objects.requireNonNull(r, "more[]"));
        }
        if (ranges.size() == 1 && first.max().isEmpty()) {
            return since(field, first.min().orElseThrow());
        }
        if (ranges.size() == 1 && first.min().isEmpty()) {
            return until(field, first.max().orElseThrow());
        }
        boolean single = ranges.size() == 1 && first.min().equals(first.max());
        StringBuilder rule = new StringBuilder(
                single ? "is accepted only in compute microversion " : "is accepted only in compute microversions ");
        for (int i = 0; i < ranges.size(); i++) {
            rule.append(i == 0 ? "" : i == ranges.size() - 1 ? " and " : ", ").append(ranges.get(i));
        }
        return new VersionRequirement(checkField(field), null, List.copyOf(ranges), rule.toString());
    }

    /**
     * {@code field} was left out but is mandatory from {@code min} on (Nova requires {@code networks} from
     * 2.37), so the request can only go at an earlier version.
     *
     * @throws IllegalArgumentException when {@code min} has minor version 0 and so no predecessor
     */
    public static VersionRequirement requiredSince(String field, Microversion min) {
        Objects.requireNonNull(min, "min");
        if (min.minor() == 0) {
            throw new IllegalArgumentException("microversion " + min + " has no earlier minor version");
        }
        return new VersionRequirement(
                checkField(field),
                null,
                List.of(MicroversionRange.atMost(Microversion.of(min.major(), min.minor() - 1))),
                "is required from compute microversion " + min + " on");
    }

    /**
     * This requirement, restricted to a particular form of the field's value; the condition appears in
     * messages, as in {@code field 'networks' ('auto') requires compute microversion 2.37 or later}.
     */
    public VersionRequirement withCondition(String condition) {
        Objects.requireNonNull(condition, "condition");
        return new VersionRequirement(field, condition, ranges, rule);
    }

    /** The JSON field as it appears in the request, with a path for nested ones ({@code networks[0].tag}). */
    public String field() {
        return field;
    }

    /** The form of the value the requirement applies to, when it is not every value. */
    public Optional<String> condition() {
        return Optional.ofNullable(condition);
    }

    /** The ranges the field is accepted in; a version in any of them will do. */
    public List<MicroversionRange> ranges() {
        return ranges;
    }

    /** Whether a request holding the field can be sent at {@code version}. */
    public boolean accepts(Microversion version) {
        Objects.requireNonNull(version, "version");
        for (MicroversionRange r : ranges) {
            if (r.contains(version)) {
                return true;
            }
        }
        return false;
    }

    /** {@code field 'tags' requires compute microversion 2.52 or later}: the field and the rule. */
    public String describe() {
        return "field '" + field + "'" + (condition == null ? "" : " (" + condition + ")") + " " + rule;
    }

    private static String checkField(String field) {
        Objects.requireNonNull(field, "field");
        if (field.isEmpty()) {
            throw new IllegalArgumentException("field must not be empty");
        }
        return field;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof VersionRequirement)) {
            return false;
        }
        VersionRequirement other = (VersionRequirement) o;
        return field.equals(other.field)
                && Objects.equals(condition, other.condition)
                && ranges.equals(other.ranges)
                && rule.equals(other.rule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, condition, ranges, rule);
    }

    /** The same text as {@link #describe()}. */
    @Override
    public String toString() {
        return describe();
    }
}
