package dev.novasdk.compute.internal;

import dev.novasdk.core.error.NoUniqueMatchException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** {@code find(nameOrId)} as novaclient's {@code find_resource} does it, for every resource. Not API. */
public final class Finder {
    private Finder() {}

    /**
     * The resource with id {@code nameOrId}, else the one named exactly {@code nameOrId} among {@code byName}
     * (a listing already filtered by the service where it can).
     *
     * @throws NoUniqueMatchException when several resources have the name
     */
    public static <T> Optional<T> find(
            String nameOrId,
            String resourceType,
            Function<String, Optional<T>> byId,
            Function<String, Iterable<T>> byName,
            Function<T, Optional<String>> nameOf,
            Function<T, String> idOf) {
        Ids.require("nameOrId", nameOrId);
        Optional<T> found = byId.apply(nameOrId);
        if (found.isPresent()) {
            return found;
        }
        List<T> matches = new ArrayList<>();
        for (T item : byName.apply(nameOrId)) {
            if (nameOf.apply(item).filter(nameOrId::equals).isPresent()) {
                matches.add(item);
            }
        }
        if (matches.size() > 1) {
            List<String> ids = new ArrayList<>();
            matches.forEach(m -> ids.add(Objects.requireNonNull(idOf.apply(m))));
            throw new NoUniqueMatchException(resourceType, nameOrId, ids);
        }
        return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(0));
    }
}
