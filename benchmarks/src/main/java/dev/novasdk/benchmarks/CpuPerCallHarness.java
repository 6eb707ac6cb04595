package dev.novasdk.benchmarks;

import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerListOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Measures the CPU time the calling thread spends per call, for the SDK and for hand-written HttpClient 5 +
 * Jackson code, against the loopback Nova. The server answers on its own threads, so the calling thread's CPU
 * time ({@link ThreadMXBean#getCurrentThreadCpuTime()}) is the client's cost alone, unlike wall time, which
 * also holds the server's work and the loopback round trip. Bytes allocated per call come from the same
 * thread's allocation counter; garbage collection runs on other threads and is not in the CPU figure.
 *
 * <p>Each variant runs alone in a fresh JVM, once per fork ({@code --forks}, default 5; within a fork the
 * variants run one after the other in rotating order). Alone, because variants sharing a JVM share the JIT's
 * profiles of Jackson and HttpClient and slow each other down unequally; in several forks, because one JVM's
 * figures move by up to 20% from the next one's on a small shared machine, more than the margin being checked.
 * Within a fork the variant is warmed up, then measured in rounds (median round). The table shows the median
 * over forks and each fork's figure. {@code --forks 0} runs every variant in this JVM instead: quick, for the
 * smoke test, but not a measurement.
 *
 * <p>The verdict compares the SDK with the hand-written code that builds the same model: the median over forks
 * of the ratio within each fork, the goal being at most 10% more CPU per call. {@code --strict} makes the exit
 * status 1 when a verdict fails.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.novasdk.benchmarks.CpuPerCallHarness \
 *      [--calls 10000] [--warmup 10000] [--list-calls 250] [--list-warmup 150] [--rounds 2] [--forks 5] [--strict]
 * </pre>
 */
public final class CpuPerCallHarness {
    /** How much more CPU per call than the hand-written code the SDK may take. */
    static final double ALLOWED_OVERHEAD = 0.10;

    private static final String BASELINE = "handWrittenSameModel";
    private static final String RESULT_PREFIX = "RESULT ";

    /** Every measured variant, in table order. */
    static final List<Variant> VARIANTS = List.of(
            new Variant("get server", "handWritten"),
            new Variant("get server", BASELINE),
            new Variant("get server", "sdk"),
            new Variant("list 3x100", BASELINE),
            new Variant("list 3x100", "sdk"));

    private CpuPerCallHarness() {}

    /** One client doing one operation. */
    record Variant(String operation, String name) {
        boolean isListing() {
            return operation.startsWith("list");
        }

        String key() {
            return (isListing() ? "list" : "get") + ":" + name;
        }

        static Variant ofKey(String key) {
            return VARIANTS.stream()
                    .filter(v -> v.key().equals(key))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown variant " + key));
        }
    }

    /** How many calls to warm up and measure, in how many JVMs; {@code strict} fails the process on a miss. */
    record Options(int calls, int warmup, int listCalls, int listWarmup, int rounds, int forks, boolean strict) {
        Options {
            if (calls < 1 || warmup < 0 || listCalls < 1 || listWarmup < 0 || rounds < 1 || forks < 0) {
                throw new IllegalArgumentException("calls and rounds must be >= 1, warmups and forks >= 0");
            }
        }

        static Options defaults() {
            return new Options(10_000, 10_000, 250, 150, 2, 5, false);
        }

        int callsOf(Variant v) {
            return v.isListing() ? listCalls : calls;
        }

        int warmupOf(Variant v) {
            return v.isListing() ? listWarmup : warmup;
        }

        List<String> toArgs() {
            return List.of(
                    "--calls",
                    Integer.toString(calls),
                    "--warmup",
                    Integer.toString(warmup),
                    "--list-calls",
                    Integer.toString(listCalls),
                    "--list-warmup",
                    Integer.toString(listWarmup),
                    "--rounds",
                    Integer.toString(rounds));
        }
    }

    /** Per-call figures of one variant: medians over rounds, then over forks, and each fork's CPU figure. */
    record Result(Variant variant, double cpuMicros, double wallMicros, double allocatedBytes, double[] cpuPerFork) {}

    /**
     * The SDK's CPU per call over a hand-written variant's: the median of the ratios within each fork, whose
     * JVMs ran one after the other, so that drifts of the machine's speed cancel out.
     */
    record Verdict(String operation, String baseline, double ratio, double[] ratioPerFork) {
        boolean decides() {
            return baseline.equals(BASELINE);
        }

        boolean withinTarget() {
            return ratio <= 1 + ALLOWED_OVERHEAD;
        }
    }

    /** The measured variants and the verdicts drawn from them. */
    record Report(List<Result> results, List<Verdict> verdicts) {
        boolean allWithinTarget() {
            return verdicts.stream().filter(Verdict::decides).allMatch(Verdict::withinTarget);
        }
    }

    @FunctionalInterface
    private interface Call {
        Object run() throws Exception;
    }

    /** Runs the harness and prints the table (or, in a child JVM, one variant's result line). */
    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        int child = rest.indexOf("--child");
        if (child >= 0) {
            Variant variant = Variant.ofKey(rest.get(child + 1));
            rest.subList(child, child + 2).clear();
            Options options = parse(rest);
            double[] m = measureInProcess(List.of(variant), options).get(0);
            System.out.printf(Locale.ROOT, "%s%f %f %f%n", RESULT_PREFIX, m[0], m[1], m[2]);
            return;
        }
        Options options = parse(rest);
        Report report = run(options, System.err);
        print(report, options, System.out);
        if (options.strict() && !report.allWithinTarget()) {
            System.exit(1);
        }
    }

    static Options parse(List<String> args) {
        Options o = Options.defaults();
        int calls = o.calls(), warmup = o.warmup(), listCalls = o.listCalls(), listWarmup = o.listWarmup();
        int rounds = o.rounds(), forks = o.forks();
        boolean strict = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--strict")) {
                strict = true;
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("missing value after " + a);
            }
            int v = Integer.parseInt(args.get(++i));
            switch (a) {
                case "--calls" -> calls = v;
                case "--warmup" -> warmup = v;
                case "--list-calls" -> listCalls = v;
                case "--list-warmup" -> listWarmup = v;
                case "--rounds" -> rounds = v;
                case "--forks" -> forks = v;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return new Options(calls, warmup, listCalls, listWarmup, rounds, forks, strict);
    }

    /** Measures every variant, in forks or (with {@code forks == 0}) in this JVM; progress goes to {@code log}. */
    static Report run(Options options, PrintStream log) throws Exception {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(log, "log");
        List<double[][]> perVariant = new ArrayList<>(); // [fork][cpu, wall, alloc]
        int forks = Math.max(1, options.forks());
        VARIANTS.forEach(v -> perVariant.add(new double[forks][]));
        if (options.forks() == 0) {
            List<double[]> m = measureInProcess(VARIANTS, options);
            for (int i = 0; i < VARIANTS.size(); i++) {
                perVariant.get(i)[0] = m.get(i);
            }
        } else {
            for (int f = 0; f < forks; f++) {
                for (int k = 0; k < VARIANTS.size(); k++) {
                    int i = (k + f) % VARIANTS.size();
                    log.printf(
                            Locale.ROOT,
                            "fork %d/%d: %s %s%n",
                            f + 1,
                            forks,
                            VARIANTS.get(i).operation(),
                            VARIANTS.get(i).name());
                    perVariant.get(i)[f] = fork(VARIANTS.get(i), options);
                }
            }
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < VARIANTS.size(); i++) {
            double[][] runs = perVariant.get(i);
            double[] cpu = column(runs, 0);
            results.add(
                    new Result(VARIANTS.get(i), median(cpu), median(column(runs, 1)), median(column(runs, 2)), cpu));
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (Result sdk : results) {
            if (!sdk.variant().name().equals("sdk")) {
                continue;
            }
            for (Result base : results) {
                if (base.variant().operation().equals(sdk.variant().operation()) && base != sdk) {
                    double[] perFork = new double[forks];
                    for (int f = 0; f < forks; f++) {
                        perFork[f] = sdk.cpuPerFork()[f] / base.cpuPerFork()[f];
                    }
                    verdicts.add(new Verdict(
                            sdk.variant().operation(), base.variant().name(), median(perFork), perFork));
                }
            }
        }
        return new Report(List.copyOf(results), List.copyOf(verdicts));
    }

    // Runs one variant in a fresh JVM with this JVM's options and class path; its last line holds the figures.
    private static double[] fork(Variant variant, Options options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CpuPerCallHarness.class.getName());
        command.add("--child");
        command.add(variant.key());
        command.addAll(options.toArgs());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                output.append(line).append('\n');
                if (line.startsWith(RESULT_PREFIX)) {
                    result = line.substring(RESULT_PREFIX.length());
                }
            }
        }
        int status = p.waitFor();
        if (status != 0 || result == null) {
            throw new IllegalStateException(
                    "the fork measuring " + variant.key() + " failed (exit " + status + "):\n" + output);
        }
        return Arrays.stream(result.trim().split(" "))
                .mapToDouble(Double::parseDouble)
                .toArray();
    }

    // Per variant: CPU microseconds, wall microseconds and allocated bytes per call (medians over the rounds).
    private static List<double[]> measureInProcess(List<Variant> variants, Options options) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure the current thread's CPU time");
        }
        threads.setThreadCpuTimeEnabled(true);
        try (LoopbackNova nova = LoopbackNova.start(2);
                ComputeClient sdk = SdkClients.pinned(nova.endpoint());
                HandWrittenCompute hand = new HandWrittenCompute(
                        nova.endpoint(), Fixtures.TOKEN, Fixtures.MICROVERSION, SdkClients.userAgent())) {
            List<Call> calls = new ArrayList<>();
            for (Variant v : variants) {
                calls.add(call(v, sdk, hand));
            }
            // Interleaved, so that with several variants in one JVM each is compiled before any is measured.
            int warmup = variants.stream().mapToInt(options::warmupOf).max().orElse(0);
            for (int i = 0; i < warmup; i++) {
                for (int k = 0; k < variants.size(); k++) {
                    if (i < options.warmupOf(variants.get(k))) {
                        calls.get(k).run();
                    }
                }
            }
            double[][][] samples = new double[variants.size()][options.rounds()][];
            for (int r = 0; r < options.rounds(); r++) {
                for (int k = 0; k < variants.size(); k++) {
                    int i = (k + r) % variants.size();
                    samples[i][r] = timed(calls.get(i), options.callsOf(variants.get(i)), threads);
                }
            }
            List<double[]> medians = new ArrayList<>();
            for (double[][] s : samples) {
                medians.add(new double[] {median(column(s, 0)), median(column(s, 1)), median(column(s, 2))});
            }
            return medians;
        }
    }

    private static Call call(Variant v, ComputeClient sdk, HandWrittenCompute hand) {
        ServerListOptions page =
                ServerListOptions.builder().limit(Fixtures.PAGE_SIZE).build();
        switch (v.key()) {
            case "get:handWritten":
                return () -> hand.serverTree(Fixtures.SERVER_ID);
            case "get:" + BASELINE:
                return () -> hand.server(Fixtures.SERVER_ID);
            case "get:sdk":
                return () -> sdk.servers().get(Fixtures.SERVER_ID);
            case "list:" + BASELINE:
                return () -> {
                    int[] n = {0};
                    hand.listServers(Fixtures.PAGE_SIZE, s -> n[0] += s.id().isEmpty() ? 0 : 1);
                    return expectAll(n[0]);
                };
            case "list:sdk":
                return () -> {
                    int n = 0;
                    for (Server s : sdk.servers().list(page)) {
                        n += s.id().isEmpty() ? 0 : 1;
                    }
                    return expectAll(n);
                };
            default:
                throw new IllegalArgumentException("unknown variant " + v.key());
        }
    }

    private static Integer expectAll(int n) {
        if (n != Fixtures.PAGES * Fixtures.PAGE_SIZE) {
            throw new IllegalStateException("listed " + n + " servers");
        }
        return n;
    }

    // CPU microseconds, wall microseconds and allocated bytes per call.
    private static double[] timed(Call call, int calls, ThreadMXBean threads) throws Exception {
        long allocated0 = allocatedBytes(threads);
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            if (call.run() == null) {
                throw new IllegalStateException("a call returned nothing");
            }
        }
        long wall = System.nanoTime() - wall0;
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        long allocated = allocatedBytes(threads) - allocated0;
        return new double[] {
            cpu / 1e3 / calls, wall / 1e3 / calls, allocated < 0 ? Double.NaN : (double) allocated / calls
        };
    }

    private static long allocatedBytes(ThreadMXBean threads) {
        if (threads instanceof com.sun.management.ThreadMXBean) {
            com.sun.management.ThreadMXBean hotspot = (com.sun.management.ThreadMXBean) threads;
            if (hotspot.isThreadAllocatedMemorySupported() && hotspot.isThreadAllocatedMemoryEnabled()) {
                return hotspot.getThreadAllocatedBytes(Thread.currentThread().getId());
            }
        }
        return Long.MIN_VALUE;
    }

    private static double[] column(double[][] rows, int j) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i][j];
        }
        return c;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static String format(double[] values, String format) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, format, v));
        }
        return b.toString();
    }

    /** Prints the results and verdicts as a table. */
    static void print(Report report, Options options, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "CPU per call on the client thread (%s %s, %d cores); %s, %d rounds of %d calls"
                        + " (listings: %d) after %d (listings: %d) warm-up calls%n",
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                options.forks() == 0 ? "one JVM" : "median of " + options.forks() + " forks",
                options.rounds(),
                options.calls(),
                options.listCalls(),
                options.warmup(),
                options.listWarmup());
        out.printf(
                Locale.ROOT,
                "%-11s %-21s %12s %12s %13s   %s%n",
                "operation",
                "variant",
                "CPU µs/call",
                "wall µs/call",
                "alloc B/call",
                "CPU µs/call per fork");
        for (Result r : report.results()) {
            out.printf(
                    Locale.ROOT,
                    "%-11s %-21s %12.1f %12.1f %13.0f   %s%n",
                    r.variant().operation(),
                    r.variant().name(),
                    r.cpuMicros(),
                    r.wallMicros(),
                    r.allocatedBytes(),
                    format(r.cpuPerFork(), "%.1f"));
        }
        for (Verdict v : report.verdicts()) {
            out.printf(
                    Locale.ROOT,
                    "%-11s sdk / %-21s = %.3f  (%s)   per fork: %s%n",
                    v.operation(),
                    v.baseline(),
                    v.ratio(),
                    v.decides()
                            ? (v.withinTarget() ? "within 10%: yes" : "within 10%: NO")
                            : "different model, for reference",
                    format(v.ratioPerFork(), "%.3f"));
        }
    }
}
