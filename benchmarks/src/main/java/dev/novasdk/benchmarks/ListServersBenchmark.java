package dev.novasdk.benchmarks;

import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerListOptions;
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
 * A full listing of 300 servers in 3 pages of 100 ({@code GET /v2.1/servers/detail?limit=100}, then two
 * {@code next} links): the SDK's lazy {@code PagedIterable} against a hand-written page loop that, like it,
 * holds one page at a time. Each operation returns the number of servers seen, which is always 300.
 *
 * <p>Not final: JMH generates subclasses of state classes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ListServersBenchmark {
    /** Servers in the listing. */
    static final int SERVERS = 300;
    /** Servers per page. */
    static final int PAGE_SIZE = 100;

    private LoopbackCloud nova;
    private ComputeClient sdk;
    private HandWrittenCompute handWritten;
    private ServerListOptions options;

    /** Starts the server and builds both clients, once per fork. */
    @Setup(Level.Trial)
    public void start() {
        nova = LoopbackCloud.start(2, SERVERS);
        sdk = SdkClients.pinned(nova.computeEndpoint());
        handWritten = new HandWrittenCompute(
                nova.computeEndpoint(), Fixtures.TOKEN, Fixtures.MICROVERSION, SdkClients.userAgent());
        options = ServerListOptions.builder().limit(PAGE_SIZE).build();
    }

    /** Closes the clients and the server. */
    @TearDown(Level.Trial)
    public void stop() {
        handWritten.close();
        sdk.close();
        nova.close();
    }

    /** {@code servers().list(limit 100)}, iterated to the end. */
    @Benchmark
    public int sdk() {
        int n = 0;
        for (Server s : sdk.servers().list(options)) {
            // Reading a field keeps the element live, as a caller's loop body would.
            n += s.id().isEmpty() ? 0 : 1;
        }
        return n;
    }

    /** HttpClient 5 and Jackson into the SDK's {@link Server} model, page by page. */
    @Benchmark
    public int handWrittenSameModel() throws IOException {
        int[] n = {0};
        handWritten.listServers(PAGE_SIZE, s -> n[0] += s.id().isEmpty() ? 0 : 1);
        return n[0];
    }
}
