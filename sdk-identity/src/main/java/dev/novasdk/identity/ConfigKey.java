package dev.novasdk.identity;

import java.util.List;
import java.util.Locale;

/**
 * The settings {@link CloudConfig} understands, each with its {@code clouds.yaml} keys and {@code OS_*}
 * variables. Keys in one group are alternatives for one setting (a user by id or by name), so a source that
 * sets any of them replaces every key of the group from lower-precedence sources: an {@code OS_PROJECT_ID}
 * must not combine with a file's {@code project_name} into a contradiction.
 */
enum ConfigKey {
    AUTH_URL("AUTH_URL", false, "authUrl", List.of("auth.auth_url"), List.of("OS_AUTH_URL")),
    AUTH_TYPE("AUTH_TYPE", false, "authType", List.of("auth_type"), List.of("OS_AUTH_TYPE")),
    USER_ID("USER", false, "userId", List.of("auth.user_id"), List.of("OS_USER_ID")),
    USERNAME("USER", false, "username", List.of("auth.username"), List.of("OS_USERNAME")),
    USER_DOMAIN_ID("USER_DOMAIN", false, "userDomainId", List.of("auth.user_domain_id"), List.of("OS_USER_DOMAIN_ID")),
    USER_DOMAIN_NAME(
            "USER_DOMAIN", false, "userDomainName", List.of("auth.user_domain_name"), List.of("OS_USER_DOMAIN_NAME")),
    PASSWORD("PASSWORD", true, "password", List.of("auth.password"), List.of("OS_PASSWORD")),
    // A token has one scope: project, domain or system are alternatives, resolved as one setting.
    PROJECT_ID(
            "SCOPE",
            false,
            "projectId",
            List.of("auth.project_id", "auth.tenant_id"),
            List.of("OS_PROJECT_ID", "OS_TENANT_ID")),
    PROJECT_NAME(
            "SCOPE",
            false,
            "projectName",
            List.of("auth.project_name", "auth.tenant_name"),
            List.of("OS_PROJECT_NAME", "OS_TENANT_NAME")),
    DOMAIN_ID("SCOPE", false, "domainId", List.of("auth.domain_id"), List.of("OS_DOMAIN_ID")),
    DOMAIN_NAME("SCOPE", false, "domainName", List.of("auth.domain_name"), List.of("OS_DOMAIN_NAME")),
    SYSTEM_SCOPE("SCOPE", false, "systemScope", List.of("auth.system_scope"), List.of("OS_SYSTEM_SCOPE")),
    PROJECT_DOMAIN_ID(
            "PROJECT_DOMAIN",
            false,
            "projectDomainId",
            List.of("auth.project_domain_id"),
            List.of("OS_PROJECT_DOMAIN_ID")),
    PROJECT_DOMAIN_NAME(
            "PROJECT_DOMAIN",
            false,
            "projectDomainName",
            List.of("auth.project_domain_name"),
            List.of("OS_PROJECT_DOMAIN_NAME")),
    DEFAULT_DOMAIN_ID(
            "DEFAULT_DOMAIN",
            false,
            "defaultDomainId",
            List.of("default_domain", "auth.default_domain_id"),
            List.of("OS_DEFAULT_DOMAIN", "OS_DEFAULT_DOMAIN_ID")),
    DEFAULT_DOMAIN_NAME(
            "DEFAULT_DOMAIN",
            false,
            "defaultDomainName",
            List.of("auth.default_domain_name"),
            List.of("OS_DEFAULT_DOMAIN_NAME")),
    TOKEN("TOKEN", true, "token", List.of("auth.token"), List.of("OS_TOKEN")),
    APPLICATION_CREDENTIAL_ID(
            "APPLICATION_CREDENTIAL",
            false,
            "applicationCredentialId",
            List.of("auth.application_credential_id"),
            List.of("OS_APPLICATION_CREDENTIAL_ID")),
    APPLICATION_CREDENTIAL_NAME(
            "APPLICATION_CREDENTIAL",
            false,
            "applicationCredentialName",
            List.of("auth.application_credential_name"),
            List.of("OS_APPLICATION_CREDENTIAL_NAME")),
    APPLICATION_CREDENTIAL_SECRET(
            "APPLICATION_CREDENTIAL_SECRET",
            true,
            "applicationCredentialSecret",
            List.of("auth.application_credential_secret"),
            List.of("OS_APPLICATION_CREDENTIAL_SECRET")),
    REGION("REGION", false, "region", List.of("region_name"), List.of("OS_REGION_NAME")),
    INTERFACE(
            "INTERFACE",
            false,
            "endpointInterface",
            List.of("interface", "endpoint_type"),
            List.of("OS_INTERFACE", "OS_ENDPOINT_TYPE")),
    IDENTITY_API_VERSION(
            "IDENTITY_API_VERSION",
            false,
            "identityApiVersion",
            List.of("identity_api_version"),
            List.of("OS_IDENTITY_API_VERSION")),
    COMPUTE_API_VERSION(
            "COMPUTE_API_VERSION",
            false,
            "computeApiVersion",
            List.of("compute_api_version"),
            List.of("OS_COMPUTE_API_VERSION")),
    CACERT("CACERT", false, "caCert", List.of("cacert"), List.of("OS_CACERT")),
    CERT("CERT", false, "clientCert", List.of("cert"), List.of("OS_CERT")),
    KEY("KEY", false, "clientKey", List.of("key"), List.of("OS_KEY")),
    // clouds.yaml also says "verify: false"; the file reader folds it into this key.
    INSECURE("INSECURE", false, "insecure", List.of("insecure"), List.of("OS_INSECURE"));

    final String group;
    final boolean secret;
    final String builderMethod;
    final List<String> yamlPaths;
    final List<String> envNames;

    ConfigKey(String group, boolean secret, String builderMethod, List<String> yamlPaths, List<String> envNames) {
        this.group = group;
        this.secret = secret;
        this.builderMethod = builderMethod;
        this.yamlPaths = yamlPaths;
        this.envNames = envNames;
    }

    /** The main {@code clouds.yaml} spelling, as messages name it. */
    String yamlName() {
        return yamlPaths.get(0);
    }

    /** The main variable, as messages name it. */
    String envName() {
        return envNames.get(0);
    }

    /**
     * The form two spellings of this setting are compared in, so that {@code OS_INTERFACE=public} and
     * {@code OS_ENDPOINT_TYPE=publicURL} agree.
     */
    String canonical(String value) {
        if (this == INTERFACE) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            return v.endsWith("url") ? v.substring(0, v.length() - 3) : v;
        }
        return value;
    }
}
