package dev.novasdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SafeUriTest {
    private static String safe(String uri) {
        return SafeUri.of(URI.create(uri)).toString();
    }

    @Test
    void of_userInfo_isDropped() {
        assertEquals(
                "https://nova.example:8774/v2.1/servers", safe("https://admin:s3cret@nova.example:8774/v2.1/servers"));
        assertEquals("http://[::1]:5000/v3", safe("http://u:p@[::1]:5000/v3"));
    }

    @Test
    void of_secretQueryValues_areMasked() {
        assertEquals("https://h/v2.1/x?password=***&limit=1", safe("https://h/v2.1/x?password=hunter2&limit=1"));
        assertEquals("https://h/x?token=***", safe("https://h/x?token=gAAAA"));
        assertEquals(
                "https://h/x?client_secret=***&os_auth_token=***&admin_passwd=***",
                safe("https://h/x?client_secret=a&os_auth_token=b&admin_passwd=c"));
        assertEquals(
                "https://h/x?X-Amz-Signature=***&Credential=***", safe("https://h/x?X-Amz-Signature=a&Credential=b"));
        assertEquals("https://h/x?Password=***", safe("https://h/x?Password=Up"));
    }

    @Test
    void of_ordinaryParameters_areUntouched() {
        String uri =
                "https://h/v2.1/servers/detail?sort_key=name&sort_dir=asc&marker=8ab1f0f5-7a1d-4a16-8cdd&limit=10&name=%5Eweb";

        assertEquals(uri, safe(uri));
        // Only the name decides: a value that merely mentions a token is kept.
        assertEquals(
                "https://h/x?name=token-rotation&password=***", safe("https://h/x?name=token-rotation&password=p"));
    }

    @Test
    void of_nothingToHide_returnsTheSameUri() {
        URI uri = URI.create("https://h/v2.1/servers?limit=1");

        assertSame(uri, SafeUri.of(uri));
    }

    @Test
    void of_encodedPathAndParameterWithoutValue_arePreserved() {
        assertEquals(
                "https://h/v2.1/servers/a%20b?password=***&flag",
                safe("https://u:p@h/v2.1/servers/a%20b?password=x&flag"));
    }

    @Test
    void of_null_isNull() {
        assertNull(SafeUri.of(null));
    }
}
