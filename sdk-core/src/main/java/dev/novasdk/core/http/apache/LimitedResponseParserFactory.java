package dev.novasdk.core.http.apache;

import dev.novasdk.core.http.ResponseTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultHttpResponseParser;
import org.apache.hc.core5.http.io.HttpMessageParser;
import org.apache.hc.core5.http.io.HttpMessageParserFactory;
import org.apache.hc.core5.http.io.HttpTransportMetrics;
import org.apache.hc.core5.http.io.SessionInputBuffer;
import org.apache.hc.core5.util.CharArrayBuffer;

/**
 * HttpClient's response parser with a limit on the total size of the status line and headers. HttpClient
 * itself only limits the length of each line and the number of headers, which still lets a server send
 * {@code count * lineLength} bytes of headers; counting the lines as they are read stops it at the limit.
 */
final class LimitedResponseParserFactory implements HttpMessageParserFactory<ClassicHttpResponse> {
    private final Http1Config config;
    private final int maxHeadBytes;

    /**
     * @param config the header count and line length limits; HttpClient's connections ask their parser
     *               factory for a parser without passing their own configuration, so the factory keeps it
     */
    LimitedResponseParserFactory(Http1Config config, int maxHeadBytes) {
        this.config = config;
        this.maxHeadBytes = maxHeadBytes;
    }

    @Override
    public HttpMessageParser<ClassicHttpResponse> create(Http1Config ignored) {
        DefaultHttpResponseParser parser = new DefaultHttpResponseParser(config);
        return (buffer, in) -> parse(parser, buffer, in);
    }

    private ClassicHttpResponse parse(DefaultHttpResponseParser parser, SessionInputBuffer buffer, InputStream in)
            throws IOException, HttpException {
        return parser.parse(new CountingLines(buffer, maxHeadBytes), in);
    }

    // Counts the characters of every line read for one response head; the body is read past this wrapper.
    private static final class CountingLines implements SessionInputBuffer {
        private final SessionInputBuffer delegate;
        private final int limit;
        private long total;

        CountingLines(SessionInputBuffer delegate, int limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int readLine(CharArrayBuffer line, InputStream in) throws IOException {
            int before = line.length();
            int n = delegate.readLine(line, in);
            // Each line costs its line end too, as on the wire.
            total += Math.max(0, line.length() - before) + 2L;
            if (total > limit) {
                throw new ResponseTooLargeException("response headers exceed the maximum of " + limit
                        + " bytes (see ApacheHttpTransport.Builder.maxResponseHeaderSize)");
            }
            return n;
        }

        @Override
        public int length() {
            return delegate.length();
        }

        @Override
        public int capacity() {
            return delegate.capacity();
        }

        @Override
        public int available() {
            return delegate.available();
        }

        @Override
        public int read(byte[] b, int off, int len, InputStream in) throws IOException {
            return delegate.read(b, off, len, in);
        }

        @Override
        public int read(byte[] b, InputStream in) throws IOException {
            return delegate.read(b, in);
        }

        @Override
        public int read(InputStream in) throws IOException {
            return delegate.read(in);
        }

        @Override
        public HttpTransportMetrics getMetrics() {
            return delegate.getMetrics();
        }
    }
}
