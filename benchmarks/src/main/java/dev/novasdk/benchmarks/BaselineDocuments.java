package dev.novasdk.benchmarks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The plain records a user writes to bind Keystone's and Nova's JSON with Jackson, keeping the JSON's own types:
 * timestamps and enumerations stay {@code String}, numbers stay numbers, nested objects are records or
 * {@code Map}s, and nothing is normalised after binding. Every member of the documents the loopback cloud
 * serves has a component, so that the baseline reads as much as the SDK does.
 */
final class BaselineDocuments {
    private BaselineDocuments() {}

    // ---- Keystone: POST /v3/auth/tokens ----

    /** {@code {"auth": {...}}}: password authentication scoped to a project. */
    record AuthRequest(Auth auth) {}

    record Auth(Identity identity, AuthScope scope) {}

    record Identity(List<String> methods, PasswordMethod password) {}

    record PasswordMethod(PasswordUser user) {}

    record PasswordUser(String name, Domain domain, String password) {}

    record AuthScope(Project project) {}

    /** {@code {"token": {...}}}, the body of the token response. */
    record TokenDocument(Token token) {}

    record Token(
            List<String> methods,
            User user,
            @JsonProperty("audit_ids") List<String> auditIds,
            @JsonProperty("expires_at") String expiresAt,
            @JsonProperty("issued_at") String issuedAt,
            Project project,
            @JsonProperty("is_domain") boolean isDomain,
            List<Role> roles,
            List<CatalogEntry> catalog) {}

    record User(Domain domain, String id, String name, @JsonProperty("password_expires_at") String passwordExpiresAt) {}

    /** A domain by id or name; the request names it only. */
    record Domain(String id, String name) {}

    record Project(Domain domain, String id, String name) {}

    record Role(String id, String name) {}

    record CatalogEntry(List<CatalogEndpoint> endpoints, String id, String type, String name) {}

    record CatalogEndpoint(
            String id,
            @JsonProperty("interface") String endpointInterface,
            @JsonProperty("region_id") String regionId,
            String url,
            String region) {}

    // ---- Nova: GET /servers/{id}, GET /servers/detail, POST /servers ----

    /** {@code {"server": {...}}}. */
    record ServerDocument(Server server) {}

    /** One page of {@code GET /servers/detail}; Nova leaves {@code servers_links} out of the last page. */
    record ServerPage(List<Server> servers, @JsonProperty("servers_links") List<Link> links) {}

    /** A server of microversion 2.90 as Nova sends it. */
    record Server(
            String id,
            String name,
            String status,
            @JsonProperty("tenant_id") String tenantId,
            @JsonProperty("user_id") String userId,
            Map<String, String> metadata,
            String hostId,
            ImageRef image,
            FlavorInfo flavor,
            String created,
            String updated,
            Map<String, List<Address>> addresses,
            String accessIPv4,
            String accessIPv6,
            List<Link> links,
            @JsonProperty("OS-DCF:diskConfig") String diskConfig,
            @JsonProperty("OS-EXT-AZ:availability_zone") String availabilityZone,
            @JsonProperty("OS-EXT-SRV-ATTR:hostname") String hostname,
            @JsonProperty("OS-EXT-STS:power_state") Integer powerState,
            @JsonProperty("OS-EXT-STS:task_state") String taskState,
            @JsonProperty("OS-EXT-STS:vm_state") String vmState,
            @JsonProperty("os-extended-volumes:volumes_attached") List<VolumeAttachment> volumesAttached,
            @JsonProperty("OS-SRV-USG:launched_at") String launchedAt,
            @JsonProperty("OS-SRV-USG:terminated_at") String terminatedAt,
            Integer progress,
            @JsonProperty("security_groups") List<NamedRef> securityGroups,
            @JsonProperty("server_groups") List<String> serverGroups,
            List<String> tags,
            @JsonProperty("trusted_image_certificates") List<String> trustedImageCertificates,
            @JsonProperty("config_drive") String configDrive,
            String description,
            Boolean locked,
            @JsonProperty("locked_reason") String lockedReason,
            @JsonProperty("key_name") String keyName) {}

    record ImageRef(String id, List<Link> links) {}

    record FlavorInfo(
            int disk,
            int ephemeral,
            @JsonProperty("extra_specs") Map<String, String> extraSpecs,
            @JsonProperty("original_name") String originalName,
            int ram,
            int swap,
            int vcpus) {}

    record Address(
            String addr,
            int version,
            @JsonProperty("OS-EXT-IPS-MAC:mac_addr") String macAddr,
            @JsonProperty("OS-EXT-IPS:type") String type) {}

    record VolumeAttachment(String id, @JsonProperty("delete_on_termination") boolean deleteOnTermination) {}

    record Link(String href, String rel) {}

    record NamedRef(String name) {}

    /** {@code {"server": {...}}} of a create: name, image, flavor and {@code "networks": "none"}. */
    record CreateRequest(NewServer server) {}

    record NewServer(String name, String imageRef, String flavorRef, String networks) {}

    /** The 202 body of a create. */
    record CreatedDocument(CreatedServer server) {}

    record CreatedServer(
            String id,
            List<Link> links,
            @JsonProperty("OS-DCF:diskConfig") String diskConfig,
            @JsonProperty("security_groups") List<NamedRef> securityGroups,
            String adminPass) {}
}
