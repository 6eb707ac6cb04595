package dev.novasdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.core.http.Headers;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.internal.JsonCodec;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding the sample server document (about 2.6 KB) without any I/O: the SDK's {@link JsonCodec#decode}, which
 * seeks the {@code server} member in a streaming parser and binds only it, against Jackson on a shared mapper
 * binding an envelope record, and against {@code readTree}. Shows what envelope handling costs.
 *
 * <p>Not final: JMH generates subclasses of state classes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class JsonBenchmark {
    private byte[] document;
    private JsonCodec codec;
    private ObjectMapper mapper;
    private HttpRequest request;
    private HttpResponse response;

    /** Reads the document and builds the codec and mapper, once per fork. */
    @Setup
    public void setUp() {
        document = Fixtures.serverDocument();
        codec = JsonCodec.create();
        mapper = JsonCodec.defaultMapper();
        request = HttpRequest.get(URI.create("http://127.0.0.1/v2.1/servers/" + Fixtures.SERVER_ID));
        response = HttpResponse.of(
                200,
                "OK",
                Headers.builder().add("Content-Type", "application/json").build(),
                document);
    }

    /** {@code JsonCodec.decode(request, response, "server", Server.class)}, as {@code servers().get} does. */
    @Benchmark
    public Server codecDecode() {
        return codec.decode(request, response, "server", Server.class);
    }

    /** {@code mapper.readValue(bytes, ServerEnvelope.class).server()}: the hand-written envelope. */
    @Benchmark
    public Server mapperReadValue() throws IOException {
        return mapper.readValue(document, HandWrittenCompute.ServerEnvelope.class)
                .server();
    }

    /** {@code mapper.readTree(bytes)}: the whole document as a tree, no binding. */
    @Benchmark
    public JsonNode mapperReadTree() throws IOException {
        return mapper.readTree(document);
    }
}
