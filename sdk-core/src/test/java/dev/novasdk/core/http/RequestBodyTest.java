package dev.novasdk.core.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestBodyTest {
    @Test
    void of_copiesTheArray() {
        byte[] bytes = {1, 2, 3};

        RequestBody body = RequestBody.of(bytes, "application/octet-stream");
        bytes[0] = 9;

        assertArrayEquals(new byte[] {1, 2, 3}, body.toByteArray());
    }

    @Test
    void wrap_takesOwnershipWithoutCopying() {
        byte[] bytes = {1, 2, 3};

        RequestBody body = RequestBody.wrap(bytes, "application/octet-stream");

        assertSame(bytes, body.bytesUnsafe().orElseThrow());
    }

    @Test
    void toByteArray_returnsACopy() {
        RequestBody body = RequestBody.json("{}");

        body.toByteArray()[0] = 'x';

        assertEquals("{}", new String(body.toByteArray(), StandardCharsets.UTF_8));
    }

    @Test
    void json_isUtf8AndRepeatable() throws IOException {
        RequestBody body = RequestBody.json("{\"name\":\"caf\u00e9\"}");

        assertEquals(RequestBody.JSON, body.contentType());
        assertEquals(16, body.length(), "15 characters, 16 bytes in UTF-8");
        assertTrue(body.repeatable());
        for (int i = 0; i < 2; i++) {
            try (InputStream in = body.openStream()) {
                assertEquals("{\"name\":\"caf\u00e9\"}", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            body.writeTo(out);
            assertEquals(16, out.size());
        }
    }

    @Test
    void ofStream_canBeSentOnlyOnce() throws IOException {
        RequestBody body =
                RequestBody.ofStream(new ByteArrayInputStream(new byte[] {7, 8}), 2, "application/octet-stream");

        assertFalse(body.repeatable());
        assertEquals(2, body.length());
        assertTrue(body.bytesUnsafe().isEmpty());
        assertThrows(IllegalStateException.class, body::toByteArray);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        assertArrayEquals(new byte[] {7, 8}, out.toByteArray());
        assertThrows(IllegalStateException.class, body::openStream);
        assertThrows(IllegalStateException.class, () -> body.writeTo(new ByteArrayOutputStream()));
    }

    @Test
    void ofStream_negativeLength_isRejected() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> RequestBody.ofStream(InputStream.nullInputStream(), -1, "application/octet-stream"));
        assertTrue(e.getMessage().contains("length"), e.getMessage());
    }

    @Test
    void factories_nullArguments_areRejectedNamingThem() {
        assertEquals(
                "bytes",
                assertThrows(NullPointerException.class, () -> RequestBody.of(null, "t"))
                        .getMessage());
        assertEquals(
                "contentType",
                assertThrows(NullPointerException.class, () -> RequestBody.of(new byte[0], null))
                        .getMessage());
        assertEquals(
                "json",
                assertThrows(NullPointerException.class, () -> RequestBody.json(null))
                        .getMessage());
        assertEquals(
                "stream",
                assertThrows(NullPointerException.class, () -> RequestBody.ofStream(null, 0, "t"))
                        .getMessage());
    }

    @Test
    void equals_comparesBytesAndTypeOfRepeatableBodies() {
        assertEquals(RequestBody.json("{}"), RequestBody.of("{}".getBytes(StandardCharsets.UTF_8), RequestBody.JSON));
        assertEquals(
                RequestBody.json("{}").hashCode(),
                RequestBody.wrap("{}".getBytes(StandardCharsets.UTF_8), RequestBody.JSON)
                        .hashCode());
        assertNotEquals(RequestBody.json("{}"), RequestBody.of("{}".getBytes(StandardCharsets.UTF_8), "text/plain"));
        RequestBody stream = RequestBody.ofStream(InputStream.nullInputStream(), 0, RequestBody.JSON);
        assertNotEquals(stream, RequestBody.ofStream(InputStream.nullInputStream(), 0, RequestBody.JSON));
        assertEquals(stream, stream);
    }

    @Test
    void toString_showsTypeAndLengthButNoContent() {
        RequestBody body = RequestBody.json("{\"adminPass\": \"p4ssw0rd\"}");
        RequestBody stream = RequestBody.ofStream(new ByteArrayInputStream(new byte[3]), 3, "application/octet-stream");

        assertEquals("RequestBody{application/json, 25 bytes}", body.toString());
        assertFalse(body.toString().contains("p4ssw0rd"));
        assertEquals("RequestBody{application/octet-stream, 3 bytes, stream}", stream.toString());
    }
}
