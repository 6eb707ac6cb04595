package dev.novasdk.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * Keystone's wire documents, read by Jackson as records and converted to the public models.
 */
final class KeystoneDocuments {
    private KeystoneDocuments() {}

    record V3Token(
            List<String> methods,
            Ref user,
            Ref project,
            Ref domain,
            Object system,
            List<Ref> roles,
            List<V3Service> catalog,
            @JsonProperty("expires_at") Instant expiresAt,
            @JsonProperty("issued_at") Instant issuedAt) {}

    record Ref(String id, String name, Ref domain) {}

    record V3Service(String type, String name, String id, List<V3Endpoint> endpoints) {}

    record V3Endpoint(
            String id,
            @JsonProperty("interface") String iface,
            String region,
            @JsonProperty("region_id") String regionId,
            String url) {}

    record V2Access(V2TokenInfo token, List<V2Service> serviceCatalog, V2User user) {}

    record V2TokenInfo(String id, Instant expires, @JsonProperty("issued_at") Instant issuedAt, Ref tenant) {}

    record V2Service(String type, String name, List<V2Endpoint> endpoints) {}

    record V2Endpoint(String id, String region, String publicURL, String internalURL, String adminURL) {}

    record V2User(String id, String name, List<Ref> roles) {}

    record VersionLink(String rel, String href) {}

    record VersionEntry(String id, String status, List<VersionLink> links) {}
}
