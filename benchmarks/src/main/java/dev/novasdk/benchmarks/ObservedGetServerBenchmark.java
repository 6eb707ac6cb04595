package dev.novasdk.benchmarks;

import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.core.auth.AuthToken;
import dev.novasdk.core.auth.TokenProvider;
import dev.novasdk.core.observe.CallListener;
import dev.novasdk.core.observe.CallObservation;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W2's GET ({@code servers().get(id)} against the loopback cloud, pinned microversion) with no listener, with
 * a listener that ignores every call (the cost of the listener SPI itself: the events), and with the
 * Micrometer adapter on a registry whose meter handler records a timer per call
 * ({@link SdkClients#micrometerListener()}, what a Spring application has). Run with {@code -prof gc}: {@code none} must
 * match {@link GetServerBenchmark#sdk()}, since a client without listeners builds no event.
 *
 * <p>Not final, and with public no-argument construction: JMH generates subclasses of state classes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ObservedGetServerBenchmark {
    /** Which listener the client has: {@code none}, {@code ignoring} or {@code micrometer}. */
    @Param({"none", "ignoring", "micrometer"})
    public String listener;

    private LoopbackCloud nova;
    private ComputeClient sdk;

    /** Starts the server and builds the client, once per fork. */
    @Setup(Level.Trial)
    public void start() throws IOException {
        nova = LoopbackCloud.start(2, 0);
        ComputeClient.Builder b = ComputeClient.builder()
                .tokenProvider(TokenProvider.of(AuthToken.of(Fixtures.TOKEN, null)))
                .endpoint(nova.computeEndpoint())
                .microversion(Fixtures.MICROVERSION);
        CallListener l = listener(listener);
        if (l != null) {
            b.addListener(l);
        }
        sdk = b.build();
    }

    private CallListener listener(String name) {
        switch (name) {
            case "none":
                return null;
            case "ignoring":
                return call -> CallObservation.NONE;
            case "micrometer":
                return SdkClients.micrometerListener();
            default:
                throw new IllegalArgumentException("unknown listener " + name);
        }
    }

    /** Closes the client and the server. */
    @TearDown(Level.Trial)
    public void stop() {
        sdk.close();
        nova.close();
    }

    /** {@code servers().get(id)}. */
    @Benchmark
    public Server get() {
        return sdk.servers().get(Fixtures.SERVER_ID);
    }
}
