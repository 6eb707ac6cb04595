package dev.novasdk.core.error;

import java.util.List;

/**
 * {@code find(nameOrId)} matched more than one resource by name.
 */
public class NoUniqueMatchException extends OpenStackException {
    private final List<String> matchingIds;

    /** An exception naming the resource type, the name searched and the ids that matched. */
    public NoUniqueMatchException(String resourceType, String name, List<String> matchingIds) {
        super(
                "more than one " + resourceType + " is named '" + name + "': " + matchingIds + "; use an id instead",
                null);
        this.matchingIds = List.copyOf(matchingIds);
    }

    /** Ids of every resource that matched. */
    public List<String> matchingIds() {
        return matchingIds;
    }
}
