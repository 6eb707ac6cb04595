package dev.novasdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.core.http.Headers;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.RequestBody;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretsTest {
    private static final URI KEYSTONE = URI.create("http://127.0.0.1:5000/v3/auth/tokens");
    private static final URI SERVERS = URI.create("http://127.0.0.1:8774/v2.1/servers");

    private static HttpRequest post(URI uri, String json) {
        return HttpRequest.builder(HttpMethod.POST, uri)
                .body(RequestBody.json(json))
                .build();
    }

    @Test
    void learn_keystonePasswordBody_learnsThePasswordNotTheUserOrDomain() {
        Secrets s = Secrets.create();

        s.learn(post(
                KEYSTONE,
                "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"name\": \"admin\","
                        + " \"domain\": {\"name\": \"Default\"}, \"password\": \"s3cretadmin\"}}},"
                        + " \"scope\": {\"project\": {\"name\": \"admin\", \"domain\": {\"name\": \"Default\"}}}}}"));

        assertEquals(1, s.size());
        assertEquals("user admin in Default: ***", s.scrub("user admin in Default: s3cretadmin"));
    }

    @Test
    void learn_tokenMethodAndApplicationCredential_learnTheTokenIdAndTheSecret() {
        Secrets s = Secrets.create();

        s.learn(post(
                KEYSTONE,
                "{\"auth\": {\"identity\": {\"methods\": [\"token\"], \"token\": {\"id\": \"gAAAAABtokenid1\"}}}}"));
        s.learn(post(
                KEYSTONE,
                "{\"auth\": {\"identity\": {\"methods\": [\"application_credential\"], \"application_credential\":"
                        + " {\"id\": \"ac-id-kept\", \"secret\": \"ac-secret-1\"}}}}"));

        assertEquals("*** *** ac-id-kept", s.scrub("gAAAAABtokenid1 ac-secret-1 ac-id-kept"));
    }

    @Test
    void learn_serverCreate_learnsAdminPassAndUserDataAndKeepsTheRest() {
        Secrets s = Secrets.create();

        s.learn(post(
                SERVERS,
                "{\"server\": {\"name\": \"vm-name\", \"adminPass\": \"Adm1nPass\", \"user_data\": \"IyEvYmluL3No\","
                        + " \"flavorRef\": \"1\"}}"));

        assertEquals(2, s.size());
        assertEquals("vm-name *** ***", s.scrub("vm-name Adm1nPass IyEvYmluL3No"));
    }

    @Test
    void learn_secretHeaders_learnsTokensOfRequestsAndResponses() {
        Secrets s = Secrets.create();
        HttpRequest get = HttpRequest.builder(HttpMethod.GET, SERVERS)
                .header("X-Auth-Token", "gAAAAABrequesttoken")
                .header("Accept", "application/json")
                .build();

        s.learn(get);
        s.learn(post(KEYSTONE, "{}"), HttpResponse.of(201, Headers.of("X-Subject-Token", "gAAAAABissued"), ""));

        assertEquals("*** *** application/json", s.scrub("gAAAAABrequesttoken gAAAAABissued application/json"));
    }

    @Test
    void learn_responseMarkedWithoutSecrets_bodyNotParsedHeaderStillLearned() {
        Secrets s = Secrets.create();
        HttpRequest marked = HttpRequest.builder(HttpMethod.POST, KEYSTONE)
                .body(RequestBody.wrap("{}".getBytes(StandardCharsets.UTF_8), RequestBody.JSON))
                .attribute(Secrets.RESPONSE_BODY_HOLDS_NO_SECRETS, true)
                .build();
        Headers headers = Headers.of("Content-Type", "application/json", "X-Subject-Token", "gAAAAABissued");

        s.learn(marked, HttpResponse.of(201, headers, "{\"token\": {\"id\": \"BodyTokenId\"}}"));

        assertEquals("*** BodyTokenId", s.scrub("gAAAAABissued BodyTokenId"));
        s.learn(post(KEYSTONE, "{}"), HttpResponse.of(201, headers, "{\"token\": {\"id\": \"BodyTokenId\"}}"));
        assertEquals("*** ***", s.scrub("gAAAAABissued BodyTokenId"));
    }

    @Test
    void learn_createResponses_learnGeneratedSecretsButReadsAreNotParsed() {
        Secrets s = Secrets.create();
        Headers json = Headers.of("Content-Type", "application/json");

        s.learn(
                post(SERVERS, "{\"server\": {}}"),
                HttpResponse.of(202, json, "{\"server\": {\"id\": \"abc\", \"adminPass\": \"GeneratedPw1\"}}"));
        s.learn(
                HttpRequest.get(SERVERS),
                HttpResponse.of(200, json, "{\"keypair\": {\"private_key\": \"not-parsed-on-get\"}}"));

        assertEquals("abc *** not-parsed-on-get", s.scrub("abc GeneratedPw1 not-parsed-on-get"));
    }

    @Test
    void add_shortValues_areIgnored() {
        Secrets s = Secrets.create();

        s.add("abc");
        s.add("");
        s.add(null);

        assertEquals(0, s.size());
        assertEquals("abc", s.scrub("abc"));
    }

    @Test
    void scrub_echoedForms_areAllReplaced() {
        Secrets s = Secrets.create();
        String pw = "p\"a's/s\\w\u00f6rd <&>";
        s.add(pw);

        // As keystone's json.dumps (ASCII only, so \u00f6), with escaped slashes, as Python's repr inside a
        // message, URL-encoded, and HTML-escaped by WebOb.
        String[] echoes = {
            pw,
            "p\\\"a's/s\\\\w\u00f6rd <&>",
            "p\\\"a's/s\\\\w\\u00f6rd <&>",
            "p\\\"a's\\/s\\\\w\\u00f6rd <&>",
            "p\"a\\'s/s\\\\w\u00f6rd <&>",
            "p%22a%27s%2Fs%5Cw%C3%B6rd+%3C%26%3E",
            "p%22a%27s%2Fs%5Cw%C3%B6rd%20%3C%26%3E",
            "p&quot;a&#x27;s/s\\w\u00f6rd &lt;&amp;&gt;"
        };
        for (String echo : echoes) {
            assertEquals("before *** after", s.scrub("before " + echo + " after"), echo);
        }
    }

    @Test
    void scrub_secretContainingAnother_isReplacedWhole() {
        Secrets s = Secrets.create();
        s.add("secret");
        s.add("secret-and-more");

        assertEquals("*** ***", s.scrub("secret-and-more secret"));
    }

    @Test
    void scrubTail_cutSecret_startIsMasked() {
        Secrets s = Secrets.create();
        s.add("Sup3rS3cretValue");

        assertEquals("message: ***", s.scrubTail("message: Sup3rS3c"));
        assertEquals("message: Sup", s.scrubTail("message: Sup"));
        // Scrubbed before the cut: the whole secret is found even though the cut falls inside it.
        assertEquals("message: *** and ", s.scrubAndCut("message: Sup3rS3cretValue and more", 17));
    }

    @Test
    void add_pastCapacity_forgetsTheLeastRecentlyUsed() {
        Secrets s = Secrets.create(2);
        s.add("password-1");
        s.add("token-0001");
        s.add("password-1"); // used again: the token is now the oldest
        s.add("token-0002");

        assertEquals(2, s.size());
        assertEquals("*** token-0001 ***", s.scrub("password-1 token-0001 token-0002"));
    }

    @Test
    void create_nonPositiveCapacity_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> Secrets.create(0));
    }

    @Test
    void learn_bodyThatIsNotJson_learnsNothingAndDoesNotFail() {
        Secrets s = Secrets.create();

        s.learn(HttpRequest.builder(HttpMethod.POST, SERVERS)
                .body(RequestBody.json("{\"adminPass\": \"half-a-doc"))
                .build());

        assertFalse(s.scrub("half-a-doc").contains("***"));
        assertTrue(s.size() <= 1);
    }
}
