package dev.novasdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The validations {@code POST /servers} performs, each with the status and body the Zed lab (Nova 2.93)
 * returned for the same request. Only requests that fail are sent here, so the one cloud stays empty.
 */
class ServerCreateValidationTest {
    private static FakeCloud cloud;
    private static String token;
    private static String image;
    private static final String LAB_PUBLIC_KEY = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCw0WuwN9qTweEAKTPWF5hknNUaHR9"
            + "+iLlwmRu32WcRC2UoKzyJGmbJfp+9sXYKsfZyipeMHz3RpS0JkpBUBl9HQhVJ5XWRrq6iGu74I22Ff/VflV9y8VEmhBLoR0Jc61fnTylr"
            + "xVYsrkngzISnE2sGKZvwR1HbqhfKAoKrqof/6iruatDJycLW2ldZCDe/k3PPp7mLzRdNW9pYQtPLR62w3Q/sxXimTpZ3P5ZUds9+BL91t83Ij"
            + "6dSiCaH4QXe0cjmGS/FUU0VwlnE8fO81yDoDmY3V9suHgFycLfxWUerPhkJ9P7LGobLJDATmzFQOztP3TyL36HkSdRsAXHakZ25 "
            + "Generated-by-Nova";

    @BeforeAll
    static void start() {
        cloud = FakeCloud.builder().start();
        token = Http.token(cloud);
        image = cloud.imageId("cirros");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static String base() {
        return "\"name\": \"x\", \"flavorRef\": \"1\", \"imageRef\": \"" + image + "\", \"networks\": \"none\"";
    }

    private static void assertFault(String version, String body, int status, String expected) {
        HttpResponse<String> r = Http.nova(cloud, token, "POST", "/servers", version, body);
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(expected, r.body());
        assertEquals(0, cloud.servers().size(), "a refused request must create nothing");
    }

    private static void assertBadRequest(String version, String body, String message) {
        String json = message.replace("\\", "\\\\").replace("\"", "\\\"");
        assertFault(version, body, 400, "{\"badRequest\": {\"code\": 400, \"message\": \"" + json + "\"}}");
    }

    private static void assertForbidden(String version, String body, String message) {
        assertFault(version, body, 403, "{\"forbidden\": {\"code\": 403, \"message\": \"" + message + "\"}}");
    }

    private static String server(String fields) {
        return "{\"server\": {" + fields + "}}";
    }

    @Test
    void unknownFlavor() {
        assertBadRequest(
                "2.93",
                server("\"name\": \"x\", \"flavorRef\": \"99\", \"imageRef\": \"" + image
                        + "\", \"networks\": \"none\""),
                "Flavor 99 could not be found.");
    }

    @Test
    void unknownImage() {
        assertBadRequest(
                "2.93",
                server("\"name\": \"x\", \"flavorRef\": \"1\", \"imageRef\": "
                        + "\"00000000-0000-0000-0000-000000000000\", \"networks\": \"none\""),
                "Can not find requested image");
    }

    @Test
    void imageRefNotAUuid() {
        assertBadRequest(
                "2.93",
                server("\"name\": \"x\", \"flavorRef\": \"1\", \"imageRef\": \"nope\", \"networks\": \"none\""),
                "Invalid input for field/attribute imageRef. Value: nope. 'nope' is not valid under any of the given schemas");
    }

    @Test
    void networksRequiredFrom237() {
        assertBadRequest(
                "2.93",
                server("\"name\": \"x\", \"flavorRef\": \"1\", \"imageRef\": \"" + image + "\""),
                "Invalid input for field/attribute server. Value: {'name': 'x', 'flavorRef': '1', 'imageRef': '" + image
                        + "'}. 'networks' is a required property");
    }

    @Test
    void networksNoneBefore237() {
        assertBadRequest(
                "2.36",
                server(base()),
                "Invalid input for field/attribute networks. Value: none. 'none' is not of type 'array'");
    }

    @Test
    void networksBogus() {
        assertBadRequest(
                "2.93",
                server("\"name\": \"x\", \"flavorRef\": \"1\", \"imageRef\": \"" + image
                        + "\", \"networks\": \"bogus\""),
                "Invalid input for field/attribute networks. Value: bogus. 'bogus' is not valid under any of the given schemas");
    }

    @Test
    void unknownKeyName() {
        assertBadRequest("2.93", server(base() + ", \"key_name\": \"nokey\""), "Invalid key_name provided.");
    }

    @Test
    void nameMissingEmptyOrPadded() {
        assertBadRequest(
                "2.93",
                server("\"flavorRef\": \"1\", \"imageRef\": \"" + image + "\", \"networks\": \"none\""),
                "Invalid input for field/attribute server. Value: {'flavorRef': '1', 'imageRef': '" + image
                        + "', 'networks': 'none'}. 'name' is a required property");
        assertBadRequest(
                "2.93",
                server(base().replace("\"name\": \"x\"", "\"name\": \"\"")),
                "Invalid input for field/attribute name. Value: . '' is too short");
        assertBadRequest(
                "2.93",
                server(base().replace("\"name\": \"x\"", "\"name\": \" x\"")),
                "An invalid 'name' value was provided. The name must be: printable characters. Can not start or end with"
                        + " whitespace.");
    }

    @Test
    void flavorRefMissingOrEmpty() {
        assertBadRequest(
                "2.93",
                server("\"name\": \"x\", \"imageRef\": \"" + image + "\", \"networks\": \"none\""),
                "Invalid input for field/attribute server. Value: {'name': 'x', 'imageRef': '" + image
                        + "', 'networks': 'none'}. 'flavorRef' is a required property");
        assertBadRequest(
                "2.93",
                server(base().replace("\"flavorRef\": \"1\"", "\"flavorRef\": \"\"")),
                "Invalid input for field/attribute flavorRef. Value: . '' is too short");
    }

    @Test
    void imageRefMissingWithoutBlockDevices() {
        assertBadRequest(
                "2.93",
                server("\"name\": \"x\", \"flavorRef\": \"99\", \"networks\": \"none\""),
                "Missing imageRef attribute");
    }

    @Test
    void bodyShape() {
        assertBadRequest("2.93", "{\"servers\": {}}", "'server' is a required property");
        assertBadRequest("2.93", "[]", "[] is not of type 'object'");
        assertBadRequest("2.93", "{bad json", "Malformed request body");
    }

    private static String imageBdm() {
        return "{\"uuid\": \"" + image
                + "\", \"source_type\": \"image\", \"destination_type\": \"local\", \"boot_index\": 0,"
                + " \"delete_on_termination\": true}";
    }

    private static String swapBdm(int size) {
        return "{\"source_type\": \"blank\", \"destination_type\": \"local\", \"guest_format\": \"swap\", \"volume_size\": "
                + size + ", \"boot_index\": -1, \"delete_on_termination\": true}";
    }

    @Test
    void swapLargerThanFlavor_seed000sError() {
        assertBadRequest(
                "2.93",
                server(base() + ", \"block_device_mapping_v2\": [" + imageBdm() + ", " + swapBdm(100) + "]"),
                "Swap drive requested is larger than instance type allows.");
    }

    @Test
    void swapSizeZero_isASchemaError() {
        assertBadRequest(
                "2.93",
                server(base() + ", \"block_device_mapping_v2\": [" + imageBdm() + ", " + swapBdm(0) + "]"),
                "Invalid input for field/attribute volume_size. Value: 0. 0 is less than the minimum of 1");
    }

    @Test
    void blockDevicesWithoutBootIndexZero_areABadBootSequence() {
        assertBadRequest(
                "2.93",
                server(base() + ", \"block_device_mapping_v2\": [" + swapBdm(100) + "]"),
                "Block Device Mapping is Invalid: Boot sequence for the instance and image/block device mapping combination"
                        + " is not valid.");
    }

    @Test
    void fieldsBeforeTheirMicroversion_areAdditionalProperties() {
        String prefix = "Invalid input for field/attribute server. Value: {'name': 'x', 'flavorRef': '1', 'imageRef': '"
                + image + "', 'networks': 'none', ";
        assertBadRequest(
                "2.51",
                server(base() + ", \"tags\": [\"a\"]"),
                prefix + "'tags': ['a']}. Additional properties are not allowed ('tags' was unexpected)");
        assertBadRequest(
                "2.89",
                server(base() + ", \"hostname\": \"h\""),
                prefix + "'hostname': 'h'}. Additional properties are not allowed ('hostname' was unexpected)");
        assertBadRequest(
                "2.62",
                server(base() + ", \"trusted_image_certificates\": [\"a\"]"),
                prefix + "'trusted_image_certificates': ['a']}. Additional properties are not allowed "
                        + "('trusted_image_certificates' was unexpected)");
        assertBadRequest(
                "2.73",
                server(base() + ", \"host\": \"fakecloud\""),
                prefix + "'host': 'fakecloud'}. Additional properties are not allowed ('host' was unexpected)");
        assertBadRequest(
                "2.73",
                server(base() + ", \"hypervisor_hostname\": \"fakecloud\""),
                prefix + "'hypervisor_hostname': 'fakecloud'}. Additional properties are not allowed "
                        + "('hypervisor_hostname' was unexpected)");
        assertBadRequest(
                "2.57",
                server(base() + ", \"personality\": [{\"path\": \"/a\", \"contents\": \"YQ==\"}]"),
                prefix + "'personality': [{'path': '/a', 'contents': 'YQ=='}]}. Additional properties are not allowed "
                        + "('personality' was unexpected)");
        assertBadRequest(
                "2.93",
                server(base() + ", \"foo\": \"bar\""),
                prefix + "'foo': 'bar'}. Additional properties are not allowed ('foo' was unexpected)");
    }

    @Test
    void descriptionBefore219() {
        assertBadRequest(
                "2.18",
                server("\"name\": \"x\", \"flavorRef\": \"1\", \"imageRef\": \"" + image
                        + "\", \"networks\": [], \"description\": \"d\""),
                "Invalid input for field/attribute server. Value: {'name': 'x', 'flavorRef': '1', 'imageRef': '" + image
                        + "', 'networks': [], 'description': 'd'}. Additional properties are not allowed ('description' was"
                        + " unexpected)");
    }

    @Test
    void blockDeviceFieldsBeforeTheirMicroversion_reportTheListIndex() {
        assertBadRequest(
                "2.66",
                server(
                        base() + ", \"block_device_mapping_v2\": [{\"source_type\": \"blank\", "
                                + "\"destination_type\": \"volume\", \"volume_size\": 1, \"boot_index\": -1, \"volume_type\": \"x\"}]"),
                "Invalid input for field/attribute 0. Value: {'source_type': 'blank', 'destination_type': 'volume', "
                        + "'volume_size': 1, 'boot_index': -1, 'volume_type': 'x'}. Additional properties are not allowed "
                        + "('volume_type' was unexpected)");
        assertBadRequest(
                "2.41",
                server(base() + ", \"block_device_mapping_v2\": [{\"source_type\": \"blank\", "
                        + "\"destination_type\": \"local\", \"guest_format\": \"swap\", \"volume_size\": 1, \"boot_index\": -1, "
                        + "\"tag\": \"x\"}]"),
                "Invalid input for field/attribute 0. Value: {'source_type': 'blank', 'destination_type': 'local', "
                        + "'guest_format': 'swap', 'volume_size': 1, 'boot_index': -1, 'tag': 'x'}. Additional properties "
                        + "are not allowed ('tag' was unexpected)");
    }

    private static String metadata(int items) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < items; i++) {
            sb.append(i == 0 ? "" : ", ").append("\"k").append(i).append("\": \"v\"");
        }
        return sb.append('}').toString();
    }

    @Test
    void metadataQuotaAndShape() {
        assertForbidden(
                "2.93",
                server(base() + ", \"metadata\": " + metadata(129)),
                "Maximum number of metadata items exceeds 128");
        String longKey = "k".repeat(256);
        assertBadRequest(
                "2.93",
                server(base() + ", \"metadata\": {\"" + longKey + "\": \"v\"}"),
                "Invalid input for field/attribute metadata. Value: {'" + longKey + "': 'v'}. '" + longKey
                        + "' does not match any of the regexes: '^[a-zA-Z0-9-_:. ]{1,255}$'");
        String longValue = "v".repeat(256);
        assertBadRequest(
                "2.93",
                server(base() + ", \"metadata\": {\"k\": \"" + longValue + "\"}"),
                "Invalid input for field/attribute k. Value: " + longValue + ". '" + longValue + "' is too long");
        assertBadRequest(
                "2.93",
                server(base() + ", \"metadata\": {\"\": \"v\"}"),
                "Invalid input for field/attribute metadata. Value: {'': 'v'}. '' does not match any of the regexes: "
                        + "'^[a-zA-Z0-9-_:. ]{1,255}$'");
        assertBadRequest(
                "2.93",
                server(base() + ", \"metadata\": {\"k\": 1}"),
                "Invalid input for field/attribute k. Value: 1. 1 is not of type 'string'");
        assertBadRequest(
                "2.93",
                server(base() + ", \"metadata\": \"x\""),
                "Invalid input for field/attribute metadata. Value: x. 'x' is not of type 'object'");
    }

    private static String personality(int files) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            items.add("{\"path\": \"/f" + i + "\", \"contents\": \"YQ==\"}");
        }
        return "[" + String.join(", ", items) + "]";
    }

    @Test
    void personalityQuotas() {
        assertForbidden(
                "2.56", server(base() + ", \"personality\": " + personality(6)), "Personality file limit exceeded");
        assertForbidden(
                "2.56",
                server(base() + ", \"personality\": [{\"path\": \"/" + "p".repeat(256)
                        + "\", \"contents\": \"YQ==\"}]"),
                "Personality file path exceeds maximum 255");
        String big = Base64.getEncoder()
                .encodeToString("a".repeat(10241).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertForbidden(
                "2.56",
                server(base() + ", \"personality\": [{\"path\": \"/a\", \"contents\": \"" + big + "\"}]"),
                "Personality file content exceeds maximum 10240");
        assertBadRequest(
                "2.56",
                server(base() + ", \"personality\": [{\"path\": \"/a\", \"contents\": \"not base64!\"}]"),
                "Invalid input for field/attribute contents. Value: not base64!. 'not base64!' is not a 'base64'");
    }

    @Test
    void counts() {
        assertForbidden(
                "2.93",
                server(base() + ", \"min_count\": 11"),
                "Quota exceeded for instances: Requested 11, but already used 0 of 10 instances");
        assertBadRequest(
                "2.93", server(base() + ", \"min_count\": 3, \"max_count\": 2"), "min_count must be <= max_count");
        assertBadRequest(
                "2.93",
                server(base() + ", \"min_count\": \"2\", \"max_count\": \"1\""),
                "min_count must be <= max_count");
        assertBadRequest(
                "2.93",
                server(base() + ", \"min_count\": 0"),
                "Invalid input for field/attribute min_count. Value: 0. 0 is less than the minimum of 1");
        assertBadRequest(
                "2.93",
                server(base() + ", \"min_count\": \"0\""),
                "Invalid input for field/attribute min_count. Value: 0. 0 is less than the minimum of 1");
        assertBadRequest(
                "2.93",
                server(base() + ", \"max_count\": \"a\""),
                "Invalid input for field/attribute max_count. Value: a. 'a' does not match '^[0-9]*$'");
    }

    @Test
    void returnReservationIdMustBeABoolean() {
        assertBadRequest(
                "2.93",
                server(base() + ", \"return_reservation_id\": \"bogus\""),
                "Invalid input for field/attribute return_reservation_id. Value: bogus. 'bogus' is not one of [True, "
                        + "'True', 'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes', False, 'False', 'FALSE', "
                        + "'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', 'no']");
    }

    @Test
    void formats() {
        assertBadRequest(
                "2.93",
                server(base() + ", \"accessIPv4\": \"1.2.3\""),
                "Invalid input for field/attribute accessIPv4. Value: 1.2.3. '1.2.3' is not a 'ipv4'");
        assertBadRequest(
                "2.93",
                server(base() + ", \"hostname\": \"-bad\""),
                "Invalid input for field/attribute hostname. Value: -bad. '-bad' does not match "
                        + "'^[a-zA-Z0-9]+[a-zA-Z0-9-]*[a-zA-Z0-9]+$'");
        assertBadRequest(
                "2.93",
                server(base() + ", \"tags\": [\"a,b\"]"),
                "Invalid input for field/attribute 0. Value: a,b. 'a,b' does not match '^[^,/]*$'");
        assertBadRequest(
                "2.93",
                server(base() + ", \"key_name\": \" bad\""),
                "An invalid 'name' value was provided. The name must be: printable characters. Can not start or end with"
                        + " whitespace.");
    }

    @Test
    void imageNotActive() {
        String queued = cloud.addImage("queued-" + System.nanoTime(), "queued");
        assertBadRequest(
                "2.93",
                server("\"name\": \"x\", \"flavorRef\": \"1\", \"imageRef\": \"" + queued
                        + "\", \"networks\": \"none\""),
                "Image " + queued + " is not active.");
    }

    @Test
    void checks_runInNovasOrder() {
        String queued = cloud.addImage("queued-order-" + System.nanoTime(), "queued");
        String md = metadata(129);
        String unknownImage = "00000000-0000-0000-0000-000000000000";
        // flavor before image
        assertBadRequest(
                "2.93",
                server("\"name\": \"x\", \"flavorRef\": \"99\", \"imageRef\": \"" + unknownImage
                        + "\", \"networks\": \"none\""),
                "Flavor 99 could not be found.");
        // min/max count before flavor
        assertBadRequest(
                "2.93",
                server("\"name\": \"x\", \"flavorRef\": \"99\", \"imageRef\": \"" + image
                        + "\", \"networks\": \"none\", \"min_count\": 3, \"max_count\": 2"),
                "min_count must be <= max_count");
        // image existence before metadata, keypair before metadata
        assertBadRequest(
                "2.93",
                server("\"name\": \"x\", \"flavorRef\": \"1\", \"imageRef\": \"" + unknownImage
                        + "\", \"networks\": \"none\", \"metadata\": " + md),
                "Can not find requested image");
        assertBadRequest(
                "2.93",
                server(base() + ", \"key_name\": \"nokey\", \"metadata\": " + md),
                "Invalid key_name provided.");
        // metadata and personality before image status
        assertForbidden(
                "2.93",
                server("\"name\": \"x\", \"flavorRef\": \"1\", \"imageRef\": \"" + queued
                        + "\", \"networks\": \"none\", \"metadata\": " + md),
                "Maximum number of metadata items exceeds 128");
        assertForbidden(
                "2.56",
                server("\"name\": \"x\", \"flavorRef\": \"1\", \"imageRef\": \"" + queued
                        + "\", \"networks\": \"none\", \"personality\": " + personality(6)),
                "Personality file limit exceeded");
        // image status before quota, quota before block devices
        assertBadRequest(
                "2.93",
                server("\"name\": \"x\", \"flavorRef\": \"1\", \"imageRef\": \"" + queued
                        + "\", \"networks\": \"none\", \"min_count\": 11"),
                "Image " + queued + " is not active.");
        assertForbidden(
                "2.93",
                server(base() + ", \"min_count\": 11, \"block_device_mapping_v2\": [" + imageBdm() + ", " + swapBdm(100)
                        + "]"),
                "Quota exceeded for instances: Requested 11, but already used 0 of 10 instances");
        // schema: properties first, then required, then additional properties
        assertBadRequest(
                "2.93",
                server("\"flavorRef\": \"1\", \"imageRef\": \"" + image
                        + "\", \"networks\": \"none\", \"foo\": 1, \"min_count\": 0"),
                "Invalid input for field/attribute min_count. Value: 0. 0 is less than the minimum of 1");
        assertBadRequest(
                "2.93",
                server("\"flavorRef\": \"1\", \"imageRef\": \"" + image + "\", \"networks\": \"none\", "
                        + "\"foo\": 1"),
                "Invalid input for field/attribute server. Value: {'flavorRef': '1', 'imageRef': '" + image
                        + "', 'networks': 'none', 'foo': 1}. 'name' is a required property");
    }

    @Test
    void keypairCreate_validations() {
        HttpResponse<String> missing =
                Http.nova(cloud, token, "POST", "/os-keypairs", "2.93", "{\"keypair\": {\"name\": \"k2\"}}");
        assertEquals(
                "{\"badRequest\": {\"code\": 400, \"message\": \"Invalid input for field/attribute keypair. Value: "
                        + "{'name': 'k2'}. 'public_key' is a required property\"}}",
                missing.body());
        HttpResponse<String> garbage = Http.nova(
                cloud,
                token,
                "POST",
                "/os-keypairs",
                "2.93",
                "{\"keypair\": {\"name\": \"k3\", \"public_key\": \"garbage\"}}");
        assertEquals(
                "{\"badRequest\": {\"code\": 400, \"message\": \"Keypair data is invalid: failed to generate "
                        + "fingerprint\"}}",
                garbage.body());
        HttpResponse<String> created = Http.nova(
                cloud,
                token,
                "POST",
                "/os-keypairs",
                "2.93",
                "{\"keypair\": {\"name\": \"dup\", \"public_key\": \"" + LAB_PUBLIC_KEY + "\"}}");
        assertEquals(201, created.statusCode());
        HttpResponse<String> dup = Http.nova(
                cloud,
                token,
                "POST",
                "/os-keypairs",
                "2.93",
                "{\"keypair\": {\"name\": \"dup\", \"public_key\": \"" + LAB_PUBLIC_KEY + "\"}}");
        assertEquals(409, dup.statusCode());
        assertEquals(
                "{\"conflictingRequest\": {\"code\": 409, \"message\": \"Key pair 'dup' already exists.\"}}",
                dup.body());
        assertEquals(
                204,
                Http.nova(cloud, token, "DELETE", "/os-keypairs/dup", "2.93", null)
                        .statusCode());
    }
}
