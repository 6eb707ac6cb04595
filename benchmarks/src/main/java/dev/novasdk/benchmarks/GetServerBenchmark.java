package dev.novasdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.servers.Server;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@code GET /v2.1/servers/{id}} against the loopback cloud, fully parsed: through the SDK (fixed token and
 * endpoint, pinned microversion), through the user-style {@link BaselineClient} into plain records, and through
 * hand-written HttpClient 5 + Jackson code into a tree and into the SDK's own {@link Server} model. The
 * difference between {@link #sdk()} and {@link #handWrittenSameModel()} is the SDK's pipeline (filters,
 * logging checks, error mapping, envelope handling); run with {@code -prof gc} for bytes allocated per call.
 *
 * <p>Not final, and with public no-argument construction: JMH generates subclasses of state classes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GetServerBenchmark {
    private LoopbackCloud nova;
    private ComputeClient sdk;
    private HandWrittenCompute handWritten;
    private TransportOnlyCompute transport;
    private BaselineClient baseline;

    /** Starts the server and builds the clients, once per fork. */
    @Setup(Level.Trial)
    public void start() throws IOException {
        nova = LoopbackCloud.start(2, 0);
        sdk = SdkClients.pinned(nova.computeEndpoint());
        handWritten = new HandWrittenCompute(
                nova.computeEndpoint(), Fixtures.TOKEN, Fixtures.MICROVERSION, SdkClients.userAgent());
        transport = new TransportOnlyCompute(
                nova.computeEndpoint(), Fixtures.TOKEN, Fixtures.MICROVERSION, SdkClients.userAgent());
        baseline = BaselineClient.login(nova.identityEndpoint(), SdkClients.userAgent());
    }

    /** Closes the clients and the server. */
    @TearDown(Level.Trial)
    public void stop() {
        baseline.close();
        transport.close();
        handWritten.close();
        sdk.close();
        nova.close();
    }

    /** {@code servers().get(id)} on a client pinned to 2.93. */
    @Benchmark
    public Server sdk() {
        return sdk.servers().get(Fixtures.SERVER_ID);
    }

    /**
     * Diagnostic: the SDK's transport alone with a prepared request, Jackson binding as hand-written. Between
     * {@link #handWrittenSameModel()} and {@link #sdk()}, it splits the SDK's cost into transport and pipeline.
     */
    @Benchmark
    public Server sdkTransport() throws IOException {
        return transport.server();
    }

    /** The user-style baseline of the workload harness's W2: HttpClient 5, Jackson into plain records. */
    @Benchmark
    public BaselineDocuments.Server baseline() throws IOException {
        return baseline.server(Fixtures.SERVER_ID);
    }

    /** HttpClient 5, body into bytes, {@code readTree} on one shared mapper. */
    @Benchmark
    public JsonNode handWritten() throws IOException {
        return handWritten.serverTree(Fixtures.SERVER_ID);
    }

    /** HttpClient 5, body into bytes, {@code readValue} of an envelope record holding the SDK's {@link Server}. */
    @Benchmark
    public Server handWrittenSameModel() throws IOException {
        return handWritten.server(Fixtures.SERVER_ID);
    }
}
