package dev.novasdk.compute.internal;

import dev.novasdk.core.error.NoUniqueMatchException;
import dev.novasdk.core.paging.PagedPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
        return unique(nameOrId, resourceType, matches, idOf);
    }

    /**
     * {@link #find} without blocking: {@code byId} and {@code byName} give futures and a publisher; only the
     * items named exactly {@code nameOrId} are kept while the listing streams past.
     */
    public static <T> CompletableFuture<Optional<T>> findAsync(
            String nameOrId,
            String resourceType,
            Function<String, CompletableFuture<Optional<T>>> byId,
            Function<String, PagedPublisher<T>> byName,
            Function<T, Optional<String>> nameOf,
            Function<T, String> idOf) {
        Ids.require("nameOrId", nameOrId);
        return byId.apply(nameOrId).thenCompose(found -> {
            if (found.isPresent()) {
                return CompletableFuture.completedFuture(found);
            }
            List<T> matches = new ArrayList<>();
            return byName.apply(nameOrId)
                    .forEach(item -> {
                        if (nameOf.apply(item).filter(nameOrId::equals).isPresent()) {
                            matches.add(item);
                        }
                    })
                    .thenApply(v -> unique(nameOrId, resourceType, matches, idOf));
        });
    }

    private static <T> Optional<T> unique(
            String nameOrId, String resourceType, List<T> matches, Function<T, String> idOf) {
        if (matches.size() > 1) {
            List<String> ids = new ArrayList<>();
            matches.forEach(m -> ids.add(Objects.requireNonNull(idOf.apply(m))));
            throw new NoUniqueMatchException(resourceType, nameOrId, ids);
        }
        return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(0));
    }
}
