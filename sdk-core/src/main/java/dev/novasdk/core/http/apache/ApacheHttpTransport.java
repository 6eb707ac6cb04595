package dev.novasdk.core.http.apache;

import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.HttpTransport;
import java.io.IOException;
import java.time.Duration;

/** Stub; replaced by the real transport. */
public final class ApacheHttpTransport implements HttpTransport {
    private ApacheHttpTransport() {
    }

    public static ApacheHttpTransport create() {
        return new ApacheHttpTransport();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public HttpResponse execute(HttpRequest request) throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    public static final class Builder {
        public Builder connectTimeout(Duration d) {
            return this;
        }

        public Builder responseTimeout(Duration d) {
            return this;
        }

        public ApacheHttpTransport build() {
            return new ApacheHttpTransport();
        }
    }
}
