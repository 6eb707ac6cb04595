package dev.novasdk.testkit;

import static dev.novasdk.testkit.Http.json;
import static dev.novasdk.testkit.Http.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the compute API reads microversion headers and echoes them, against what the Zed lab (max 2.93)
 * answered to the same headers.
 */
class ComputeMicroversionTest {
    private static FakeCloud cloud;
    private static String token;

    @BeforeAll
    static void start() {
        cloud = FakeCloud.builder().start();
        token = Http.token(cloud);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static HttpResponse<String> flavorWith(String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "X-Auth-Token";
        all[1] = token;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send("GET", cloud.computeEndpoint() + "/flavors/1", null, all);
    }

    private static void assertVersionHeaders(HttpResponse<String> r, String version) {
        assertEquals(List.of("compute " + version), r.headers().allValues("OpenStack-API-Version"));
        assertEquals(List.of(version), r.headers().allValues("X-OpenStack-Nova-API-Version"));
        assertEquals(
                List.of("OpenStack-API-Version", "X-OpenStack-Nova-API-Version"),
                r.headers().allValues("Vary"));
    }

    @Test
    void noHeader_servesAndEchoes21() {
        HttpResponse<String> r = flavorWith();

        assertEquals(200, r.statusCode());
        assertVersionHeaders(r, "2.1");
        assertEquals(
                "{\"flavor\": {\"id\": \"1\", \"name\": \"m1.tiny\", \"ram\": 512, \"disk\": 1, \"swap\": \"\", "
                        + "\"OS-FLV-EXT-DATA:ephemeral\": 0, \"OS-FLV-DISABLED:disabled\": false, \"vcpus\": 1, "
                        + "\"os-flavor-access:is_public\": true, \"rxtx_factor\": 1.0, \"links\": [{\"rel\": \"self\", \"href\": \""
                        + cloud.computeEndpoint() + "/flavors/1\"}, {\"rel\": \"bookmark\", \"href\": \""
                        + cloud.baseUrl()
                        + "/compute/flavors/1\"}]}}",
                r.body());
    }

    @Test
    void standardHeader_isUsedAndEchoed() {
        HttpResponse<String> r = flavorWith("OpenStack-API-Version", "compute 2.75");

        assertVersionHeaders(r, "2.75");
        assertEquals(0, json(r).get("flavor").get("swap").asInt());
        assertTrue(json(r).get("flavor").get("swap").isInt());
    }

    @Test
    void legacyHeader_isUsedWhenStandardIsAbsent() {
        assertVersionHeaders(flavorWith("X-OpenStack-Nova-API-Version", "2.60"), "2.60");
    }

    @Test
    void standardHeader_winsOverLegacy() {
        assertVersionHeaders(
                flavorWith("OpenStack-API-Version", "compute 2.55", "X-OpenStack-Nova-API-Version", "2.60"), "2.55");
    }

    @Test
    void standardHeaderWithoutServiceName_isIgnoredLikeNova() {
        assertVersionHeaders(flavorWith("OpenStack-API-Version", "2.60"), "2.1");
    }

    @Test
    void latest_meansTheMaximum() {
        assertVersionHeaders(flavorWith("OpenStack-API-Version", "compute latest"), "2.93");
    }

    @Test
    void aboveMaximum_returnsLabs406AndEchoesTheVersion() {
        HttpResponse<String> r = flavorWith("OpenStack-API-Version", "compute 2.94");

        assertEquals(406, r.statusCode());
        assertEquals(
                "{\"computeFault\": {\"code\": 406, \"message\": \"Version 2.94 is not supported by the API. "
                        + "Minimum is 2.1 and maximum is 2.93.\"}}",
                r.body());
        assertEquals(
                "application/json; charset=UTF-8",
                r.headers().firstValue("Content-Type").orElseThrow());
        assertVersionHeaders(r, "2.94");
        assertTrue(r.headers().firstValue("x-compute-request-id").isPresent());
    }

    @Test
    void belowMinimum_returns406() {
        HttpResponse<String> r = flavorWith("OpenStack-API-Version", "compute 2.0");

        assertEquals(406, r.statusCode());
        assertEquals(
                "{\"computeFault\": {\"code\": 406, \"message\": \"Version 2.0 is not supported by the API. "
                        + "Minimum is 2.1 and maximum is 2.93.\"}}",
                r.body());
        assertVersionHeaders(r, "2.0");
        HttpResponse<String> major = flavorWith("OpenStack-API-Version", "compute 3.0");
        assertEquals(
                "{\"computeFault\": {\"code\": 406, \"message\": \"Version 3.0 is not supported by the API. "
                        + "Minimum is 2.1 and maximum is 2.93.\"}}",
                major.body());
    }

    @Test
    void malformedVersion_returnsLabs400WithoutVersionHeaders() {
        for (String bad : List.of("2.x", "02.1")) {
            HttpResponse<String> r = flavorWith("OpenStack-API-Version", "compute " + bad);

            assertEquals(400, r.statusCode());
            assertEquals(
                    "{\"badRequest\": {\"code\": 400, \"message\": \"API Version String " + bad + " is of invalid "
                            + "format. Must be of format MajorNum.MinorNum.\"}}",
                    r.body());
            assertTrue(r.headers().firstValue("OpenStack-API-Version").isEmpty());
            assertTrue(r.headers().firstValue("x-openstack-request-id").isPresent());
        }
    }

    @Test
    void missingToken_is401BeforeTheVersionIsChecked() {
        HttpResponse<String> r =
                send("GET", cloud.computeEndpoint() + "/flavors", null, "OpenStack-API-Version", "compute 9.9");

        assertEquals(401, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void requestIds_areOnEveryResponseAndEqual() {
        HttpResponse<String> r = flavorWith();
        String id = r.headers().firstValue("x-openstack-request-id").orElseThrow();

        assertTrue(id.matches("req-[0-9a-f-]{36}"));
        assertEquals(id, r.headers().firstValue("x-compute-request-id").orElseThrow());
        String other =
                flavorWith().headers().firstValue("x-openstack-request-id").orElseThrow();
        assertTrue(!other.equals(id));
    }

    @Test
    void versionDocument_needsNoTokenAndReportsTheRange() {
        HttpResponse<String> r = send("GET", cloud.computeEndpoint(), null);

        assertEquals(200, r.statusCode());
        assertEquals(
                "{\"version\": {\"id\": \"v2.1\", \"status\": \"CURRENT\", \"version\": \"2.93\", \"min_version\": "
                        + "\"2.1\", \"updated\": \"2013-07-23T11:33:21Z\", \"links\": [{\"rel\": \"self\", \"href\": \""
                        + cloud.computeEndpoint()
                        + "/\"}, {\"rel\": \"describedby\", \"type\": \"text/html\", \"href\": "
                        + "\"http://docs.openstack.org/\"}], \"media-types\": [{\"base\": \"application/json\", \"type\": "
                        + "\"application/vnd.openstack.compute+json;version=2.1\"}]}}",
                r.body());
        assertVersionHeaders(r, "2.1");
    }

    @Test
    void rootVersions_listV20AndV21WithoutRequestId() {
        HttpResponse<String> r = send("GET", cloud.baseUrl() + "/compute/", null);

        assertEquals(200, r.statusCode());
        assertEquals(
                "{\"versions\": [{\"id\": \"v2.0\", \"status\": \"SUPPORTED\", \"version\": \"\", \"min_version\": "
                        + "\"\", \"updated\": \"2011-01-21T11:33:21Z\", \"links\": [{\"rel\": \"self\", \"href\": \""
                        + cloud.baseUrl()
                        + "/compute/v2/\"}]}, {\"id\": \"v2.1\", \"status\": \"CURRENT\", \"version\": \"2.93\", \"min_version\": "
                        + "\"2.1\", \"updated\": \"2013-07-23T11:33:21Z\", \"links\": [{\"rel\": \"self\", \"href\": \""
                        + cloud.computeEndpoint() + "/\"}]}]}",
                r.body());
        assertTrue(r.headers().firstValue("x-openstack-request-id").isEmpty());
    }

    @Test
    void maxMicroversion_isConfigurable() {
        try (FakeCloud old = FakeCloud.builder().maxMicroversion("2.60").start()) {
            String t = Http.token(old);
            HttpResponse<String> r = Http.nova(old, t, "GET", "/flavors", "2.61", null);

            assertEquals(406, r.statusCode());
            assertEquals(
                    "{\"computeFault\": {\"code\": 406, \"message\": \"Version 2.61 is not supported by the API. "
                            + "Minimum is 2.1 and maximum is 2.60.\"}}",
                    r.body());
            assertEquals(
                    "2.60",
                    json(send("GET", old.computeEndpoint(), null))
                            .get("version")
                            .get("version")
                            .asText());
            assertVersionHeaders(Http.nova(old, t, "GET", "/flavors", "latest", null), "2.60");
        }
        assertThrows(IllegalArgumentException.class, () -> FakeCloud.builder().maxMicroversion("2.94"));
        assertThrows(IllegalArgumentException.class, () -> FakeCloud.builder().maxMicroversion("3.0"));
        assertThrows(IllegalArgumentException.class, () -> FakeCloud.builder().maxMicroversion("2.x"));
    }

    @Test
    void unroutedUrl_isWebObNotFoundWithRequestIdsAndNoVersionHeaders() {
        HttpResponse<String> r = Http.nova(cloud, token, "GET", "/nothing", "2.93", null);

        assertEquals(404, r.statusCode());
        assertEquals(
                "{\"message\": \"The resource could not be found.<br /><br />\\n\\n\\n\", \"code\": \"404 Not Found\", "
                        + "\"title\": \"Not Found\"}",
                r.body());
        assertTrue(r.headers().firstValue("x-compute-request-id").isPresent());
        assertTrue(r.headers().firstValue("OpenStack-API-Version").isEmpty());
        HttpResponse<String> plain = send("GET", cloud.computeEndpoint() + "/nothing", null, "X-Auth-Token", token);
        assertEquals("404 Not Found\n\nThe resource could not be found.\n\n   ", plain.body());
    }

    @Test
    void projectIdInUrl_isAcceptedWhenItMatchesTheToken() {
        HttpResponse<String> ok = Http.nova(cloud, token, "GET", "/" + cloud.projectId() + "/flavors", "2.93", null);
        assertEquals(200, ok.statusCode());
        assertTrue(json(ok).get("flavors")
                .get(0)
                .get("links")
                .get(0)
                .get("href")
                .asText()
                .equals(cloud.computeEndpoint() + "/" + cloud.projectId() + "/flavors/1"));

        HttpResponse<String> other =
                Http.nova(cloud, token, "GET", "/0123456789abcdef0123456789abcdef/flavors", "2.93", null);
        assertEquals(400, other.statusCode());
        assertEquals(
                "{\"badRequest\": {\"code\": 400, \"message\": \"Malformed request URL: URL's project_id "
                        + "'0123456789abcdef0123456789abcdef' doesn't match Context's project_id '" + cloud.projectId()
                        + "'\"}}",
                other.body());
    }
}
