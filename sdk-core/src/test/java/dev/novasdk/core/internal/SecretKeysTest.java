package dev.novasdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretKeysTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"server\": {\"name\": \"web\", \"imageRef\": \"7f1c\", \"flavorRef\": \"1\", \"networks\": \"none\"}}",
                "{\"os-stop\": null}",
                "{\"metadata\": {\"role\": \"db\", \"tier\": \"back\"}}",
                "{}"
            })
    void mayNameSecret_bodiesWithoutSecretKeys_areFalse(String json) {
        assertFalse(SecretKeys.mayNameSecret(bytes(json)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"server\": {\"name\": \"web\", \"adminPass\": \"Hunter2!\"}}",
                "{\"server\": {\"USER_DATA\": \"IyEvYmluL3No\"}}",
                "{\"auth\": {\"identity\": {\"methods\": [\"token\"], \"token\": {\"id\": \"gAAAA\"}}}}",
                "{\"application_credential\": {\"SECRET\": \"s3cr3t\"}}",
                "{\"keypair\": {\"Private_Key\": \"-----BEGIN\"}}",
                "{\"credential\": {\"blob\": \"{}\"}}",
                "{\"changePassword\": {\"x_passwd\": \"abcd\"}}",
                "{\"x\": {\"refresh_TOKEN\": \"abcd\"}}",
                // An escape could spell any name; so could a non-ASCII letter that case folding maps to ASCII.
                "{\"\\u0070assword\": \"abcd\"}",
                "{\"paſſword\": \"abcd\"}"
            })
    void mayNameSecret_bodiesThatMayHoldSecrets_areTrue(String json) {
        assertTrue(SecretKeys.mayNameSecret(bytes(json)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
