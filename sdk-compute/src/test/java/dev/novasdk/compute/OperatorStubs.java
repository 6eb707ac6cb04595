package dev.novasdk.compute;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.nio.charset.StandardCharsets;

/** Responses of the lab's Nova that the operator manager tests replay (recorded as admin and as demo). */
public final class OperatorStubs {
    private OperatorStubs() {}

    /** A sample's text. */
    public static String sample(String resource) {
        return new String(Samples.bytes(resource), StandardCharsets.UTF_8);
    }

    /** Nova's fault document with the lab's headers. */
    public static ResponseDefinitionBuilder fault(int status, String name, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withHeader("x-openstack-request-id", "req-lab")
                .withBody("{\"" + name + "\": {\"code\": " + status + ", \"message\": \"" + message + "\"}}");
    }

    /** The lab's 403 for a non-admin: "Policy doesn't allow {rule} to be performed." */
    public static ResponseDefinitionBuilder policyForbids(String rule) {
        return fault(403, "forbidden", "Policy doesn't allow " + rule + " to be performed.");
    }
}
