package dev.novasdk.compute.internal;

import dev.novasdk.compute.MicroversionRange;
import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.core.http.Microversion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Matches a request's {@link VersionRequirement}s against the client's microversion before anything is sent:
 * a pinned client checks that its version serves the request, a negotiating client picks the highest version
 * that does. Shared by every compute request (create, update, rebuild, flavor create, ...).
 *
 * <pre>{@code
 * VersionRequirements.check(create.versionRequirements(), Microversion.parse("2.57"));
 * // IllegalArgumentException: field 'personality' is not accepted after compute microversion 2.56; the client uses 2.57
 * Microversion v = VersionRequirements.select(create.versionRequirements(), Microversion.parse("2.1"), negotiated);
 * }</pre>
 */
public final class VersionRequirements {
    private VersionRequirements() {}

    /**
     * Checks that a client pinned to {@code version} can send a request with these requirements.
     *
     * @throws IllegalArgumentException naming every field the version does not accept, with its rule and the
     *         client's version
     */
    public static void check(Collection<VersionRequirement> requirements, Microversion version) {
        Objects.requireNonNull(requirements, "requirements");
        Objects.requireNonNull(version, "version");
        List<String> failures = new ArrayList<>();
        for (VersionRequirement r : requirements) {
            if (!Objects.requireNonNull(r, "requirements[]").accepts(version)) {
                failures.add(r.describe());
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", failures) + "; the client uses " + version);
        }
    }

    /**
     * The highest version from {@code minimum} to {@code maximum} that accepts every requirement: the
     * version a negotiating client sends the request at. {@code maximum} is the negotiated version (the
     * highest both the SDK and the cloud support), {@code minimum} the cloud's lowest.
     *
     * @throws IllegalArgumentException when {@code minimum} is after {@code maximum}, or when no version in
     *         between accepts every requirement; the message names the fields at fault: each field no version
     *         in the range accepts, or else each pair of fields no single version accepts together
     */
    public static Microversion select(
            Collection<VersionRequirement> requirements, Microversion minimum, Microversion maximum) {
        Objects.requireNonNull(requirements, "requirements");
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(maximum, "maximum");
        if (minimum.compareTo(maximum) > 0) {
            throw new IllegalArgumentException("minimum " + minimum + " is after maximum " + maximum);
        }
        List<VersionRequirement> all = new ArrayList<>();
        for (VersionRequirement r : requirements) {
            all.add(Objects.requireNonNull(r, "requirements[]"));
        }
        Microversion chosen = highest(all, minimum, maximum);
        if (chosen != null) {
            return chosen;
        }
        String available = "; the client can use compute microversions " + minimum + " to " + maximum;
        List<String> unserved = new ArrayList<>();
        for (VersionRequirement r : all) {
            if (highest(List.of(r), minimum, maximum) == null) {
                unserved.add(r.describe());
            }
        }
        if (!unserved.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", unserved) + available);
        }
        List<String> conflicts = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (highest(List.of(all.get(i), all.get(j)), minimum, maximum) == null) {
                    conflicts.add(all.get(i).describe() + ", but " + all.get(j).describe());
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw new IllegalArgumentException(
                    "no compute microversion accepts every field set: " + String.join("; ", conflicts) + available);
        }
        List<String> every = new ArrayList<>();
        for (VersionRequirement r : all) {
            every.add(r.describe());
        }
        throw new IllegalArgumentException(
                "no compute microversion accepts every field set: " + String.join("; ", every) + available);
    }

    // The accepted set is a union of closed ranges, so its highest point at or below the maximum is either the
    // maximum itself or the upper end of one of the ranges; trying those from the top finds it.
    private static Microversion highest(
            List<VersionRequirement> requirements, Microversion minimum, Microversion maximum) {
        TreeSet<Microversion> candidates = new TreeSet<>(Comparator.reverseOrder());
        candidates.add(maximum);
        for (VersionRequirement r : requirements) {
            for (MicroversionRange range : r.ranges()) {
                range.max()
                        .filter(bound -> bound.isAtLeast(minimum) && bound.isAtMost(maximum))
                        .ifPresent(candidates::add);
            }
        }
        for (Microversion candidate : candidates) {
            boolean acceptedByAll = true;
            for (VersionRequirement r : requirements) {
                if (!r.accepts(candidate)) {
                    acceptedByAll = false;
                    break;
                }
            }
            if (acceptedByAll) {
                return candidate;
            }
        }
        return null;
    }
}
