package dev.novasdk.core.http.apache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.novasdk.core.error.TransportException;
import java.io.IOException;
import java.net.ConnectException;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.junit.jupiter.api.Test;

/** How HttpClient's failures are classified for the retry filter. */
class ApacheMessagesTest {
    @Test
    void aRequestNotExecutedIsAConnectFailureSoAnyMethodMayBeRetried() {
        IOException e = ApacheMessages.translate(new RequestNotExecutedException("Connection is closed"), "Builder");
        assertInstanceOf(ConnectException.class, e);
        assertEquals(TransportException.Kind.CONNECT_FAILED, TransportException.classify(e));
    }
}
