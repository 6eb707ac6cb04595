package dev.novasdk.benchmarks;

import dev.novasdk.benchmarks.WorkloadDriver.Listing;
import dev.novasdk.benchmarks.WorkloadDriver.Side;
import dev.novasdk.benchmarks.WorkloadDriver.Variant;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The one command of the performance goal: runs the five {@link Workload}s on the SDK and on the user-style
 * {@link BaselineClient} against a {@link LoopbackCloud}, and prints, per workload, the client's CPU time and
 * bytes allocated per operation on both sides and their ratios (median and range over forks) against the
 * targets.
 *
 * <p>The cloud runs in this JVM; every variant (a workload on one side) runs alone in a fresh JVM, once per
 * fork, and its process CPU time is therefore the client's alone: all its threads, the garbage collector and the
 * JIT included (see {@link ClientMeter}). Alone, because variants sharing a JVM share the JIT's profiles of
 * Jackson and HttpClient and slow each other down unequally; in several forks, because one JVM's figures move
 * by up to 20% from the next one's on a small shared machine. Within a fork the variant warms up for a while,
 * then runs rounds of a fixed duration; each figure is the median over rounds, and each ratio is taken within a
 * fork (whose JVMs ran one after the other), so that drifts of the machine's speed cancel out.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.novasdk.benchmarks.WorkloadHarness [--quick] [--forks 3]
 *      [--warmup-ms 3000] [--warmup-scale 1] [--max-warmup-ms 20000] [--round-ms 1000] [--rounds 4]
 *      [--only W2,W3] [--diagnostics]
 *      [--servers 10000] [--page-size 1000] [--strict]
 * </pre>
 *
 * {@code --quick} is one fork with short warm-up and rounds: a smoke run, not a measurement. {@code --forks 0}
 * runs every variant in this JVM, subtracting the server threads' CPU: quicker still, for tests.
 * {@code --diagnostics} adds the hand-written same-model variants of W2 and W3 ({@link HandWrittenCompute}),
 * which isolate the SDK's pipeline from its model, and W2 through the SDK with the Micrometer listener
 * ({@code W2:sdkMicrometer}), whose difference from {@code W2:sdk} is the cost of observation. {@code --strict} exits with status 1 when a target is missed.
 * {@code --child W2:sdk [--cloud http://127.0.0.1:port]} measures one variant in this JVM and prints one
 * {@code RESULT} line, starting its own cloud when none is given (to run one variant under a profiler).
 */
public final class WorkloadHarness {
    private static final int CLOUD_THREADS = 4;
    private static final long QUIET_WINDOW_NANOS = 500_000_000;

    private WorkloadHarness() {}

    /** How long to warm up and measure, in how many JVMs, which workloads; {@code strict} fails on a miss. */
    record Options(
            int forks,
            long warmupMillis,
            double warmupScale,
            long maxWarmupMillis,
            long roundMillis,
            int rounds,
            Set<Workload> workloads,
            boolean diagnostics,
            Listing listing,
            boolean strict) {
        Options {
            if (forks < 0
                    || warmupMillis < 0
                    || warmupScale < 0
                    || maxWarmupMillis < 0
                    || roundMillis < 0
                    || rounds < 1) {
                throw new IllegalArgumentException("forks, warm-up and round figures must be >= 0, rounds >= 1");
            }
            workloads = Set.copyOf(workloads);
            if (workloads.isEmpty()) {
                throw new IllegalArgumentException("no workload selected");
            }
            Objects.requireNonNull(listing, "listing");
        }

        static Options defaults() {
            return new Options(
                    3,
                    3000,
                    1,
                    20_000,
                    1000,
                    4,
                    EnumSet.allOf(Workload.class),
                    false,
                    new Listing(10_000, 1000),
                    false);
        }

        /** The fewest warm-up operations of {@code w}: its full warm-up times the scale. */
        long warmupOperations(Workload w) {
            return (long) Math.ceil(w.warmupOperations() * warmupScale);
        }

        /** The variants to run, in table order. */
        List<Variant> variants() {
            List<Variant> out = new ArrayList<>();
            for (Workload w : Workload.values()) {
                if (!workloads.contains(w)) {
                    continue;
                }
                out.add(new Variant(w, Side.SDK));
                out.add(new Variant(w, Side.BASELINE));
                if (diagnostics && w.hasSameModelVariant()) {
                    out.add(new Variant(w, Side.SAME_MODEL));
                }
                if (diagnostics && w == Workload.W2) {
                    out.add(new Variant(w, Side.SDK_MICROMETER));
                }
            }
            return out;
        }

        List<String> childArgs(URI cloud) {
            return List.of(
                    "--cloud",
                    cloud.toString(),
                    "--warmup-ms",
                    Long.toString(warmupMillis),
                    "--warmup-scale",
                    Double.toString(warmupScale),
                    "--max-warmup-ms",
                    Long.toString(maxWarmupMillis),
                    "--round-ms",
                    Long.toString(roundMillis),
                    "--rounds",
                    Integer.toString(rounds),
                    "--servers",
                    Integer.toString(listing.servers()),
                    "--page-size",
                    Integer.toString(listing.pageSize()));
        }
    }

    /**
     * Per-operation figures of one variant in one JVM: medians over its rounds, and the JIT compiler threads'
     * CPU time during all rounds (milliseconds; left out of the CPU figure, and near zero once warm).
     */
    record Measurement(
            double cpuMicros, double allocatedBytes, double wallMicros, long operations, long compilationMillis) {}

    /** Every fork's measurement of one variant. */
    record Result(Variant variant, List<Measurement> forks) {
        double[] column(java.util.function.ToDoubleFunction<Measurement> f) {
            return forks.stream().mapToDouble(f).toArray();
        }
    }

    /** The SDK over another side on one workload: the ratio within each fork, of CPU and of allocation. */
    record Comparison(Workload workload, Side baseline, double[] cpuRatios, double[] allocationRatios) {
        double cpuRatio() {
            return median(cpuRatios);
        }

        double allocationRatio() {
            return median(allocationRatios);
        }

        /** Only the comparison with the user-style baseline decides; the same-model one is a diagnostic. */
        boolean decides() {
            return baseline == Side.BASELINE;
        }

        boolean cpuWithinTarget() {
            return cpuRatio() <= workload.cpuTarget();
        }

        boolean allocationWithinTarget() {
            return workload.allocationTarget() == 0 || allocationRatio() <= workload.allocationTarget();
        }
    }

    /** The measured variants and the comparisons drawn from them. */
    record Report(List<Result> results, List<Comparison> comparisons) {
        boolean allWithinTarget() {
            return comparisons.stream()
                    .filter(Comparison::decides)
                    .allMatch(c -> c.cpuWithinTarget() && c.allocationWithinTarget());
        }

        Result result(Workload w, Side side) {
            return results.stream()
                    .filter(r -> r.variant().workload() == w && r.variant().side() == side)
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** Runs the harness and prints the table, or in a child JVM measures one variant and prints its figures. */
    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        String child = take(rest, "--child");
        String cloud = take(rest, "--cloud");
        Options options = parse(rest);
        if (child != null) {
            Variant variant = Variant.ofKey(child);
            Measurement m;
            if (cloud != null) {
                m = measure(variant, URI.create(cloud), options);
            } else {
                try (LoopbackCloud own =
                        LoopbackCloud.start(CLOUD_THREADS, options.listing().servers())) {
                    m = measure(variant, own.base(), options);
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s%f %f %f %d %d%n",
                    ChildJvm.RESULT_PREFIX,
                    m.cpuMicros(),
                    m.allocatedBytes(),
                    m.wallMicros(),
                    m.operations(),
                    m.compilationMillis());
            return;
        }
        Report report = run(options, System.err);
        print(report, options, System.out);
        if (options.strict() && !report.allWithinTarget()) {
            System.exit(1);
        }
    }

    private static String take(List<String> args, String name) {
        int i = args.indexOf(name);
        if (i < 0) {
            return null;
        }
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException("missing value after " + name);
        }
        String value = args.get(i + 1);
        args.subList(i, i + 2).clear();
        return value;
    }

    static Options parse(List<String> args) {
        Options d = Options.defaults();
        int forks = d.forks(), rounds = d.rounds();
        long warmup = d.warmupMillis(), round = d.roundMillis();
        double warmupScale = d.warmupScale();
        long maxWarmup = d.maxWarmupMillis();
        int servers = d.listing().servers(), pageSize = d.listing().pageSize();
        Set<Workload> workloads = EnumSet.copyOf(d.workloads());
        boolean diagnostics = false, strict = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--quick" -> {
                    forks = 1;
                    warmup = 1000;
                    warmupScale = 0.2;
                    maxWarmup = 3000;
                    round = 500;
                    rounds = 2;
                    continue;
                }
                case "--diagnostics" -> {
                    diagnostics = true;
                    continue;
                }
                case "--strict" -> {
                    strict = true;
                    continue;
                }
                default -> {}
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("missing value after " + a);
            }
            String v = args.get(++i);
            switch (a) {
                case "--forks" -> forks = Integer.parseInt(v);
                case "--warmup-ms" -> warmup = Long.parseLong(v);
                case "--warmup-scale" -> warmupScale = Double.parseDouble(v);
                case "--max-warmup-ms" -> maxWarmup = Long.parseLong(v);
                case "--round-ms" -> round = Long.parseLong(v);
                case "--rounds" -> rounds = Integer.parseInt(v);
                case "--servers" -> servers = Integer.parseInt(v);
                case "--page-size" -> pageSize = Integer.parseInt(v);
                case "--only" -> {
                    workloads = EnumSet.noneOf(Workload.class);
                    for (String w : v.split(",")) {
                        workloads.add(Workload.valueOf(w.trim().toUpperCase(Locale.ROOT)));
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return new Options(
                forks,
                warmup,
                warmupScale,
                maxWarmup,
                round,
                rounds,
                workloads,
                diagnostics,
                new Listing(servers, pageSize),
                strict);
    }

    /** Measures every variant, in forks or (with no forks) in this JVM; progress goes to {@code log}. */
    static Report run(Options options, PrintStream log) throws Exception {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(log, "log");
        List<Variant> variants = options.variants();
        int forks = Math.max(1, options.forks());
        Measurement[][] m = new Measurement[variants.size()][forks];
        try (LoopbackCloud cloud =
                LoopbackCloud.start(CLOUD_THREADS, options.listing().servers())) {
            for (int f = 0; f < forks; f++) {
                for (int k = 0; k < variants.size(); k++) {
                    // Rotating the order spreads any drift of the machine's speed over every variant.
                    int i = options.forks() == 0 ? k : (k + f) % variants.size();
                    Variant v = variants.get(i);
                    log.printf(Locale.ROOT, "fork %d/%d: %s%n", f + 1, forks, v.key());
                    m[i][f] = options.forks() == 0 ? measure(v, cloud.base(), options) : fork(v, cloud.base(), options);
                }
            }
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            results.add(new Result(variants.get(i), List.of(m[i])));
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (Result sdk : results) {
            if (sdk.variant().side() != Side.SDK) {
                continue;
            }
            for (Result other : results) {
                if (other.variant().workload() == sdk.variant().workload() && other != sdk) {
                    comparisons.add(new Comparison(
                            sdk.variant().workload(),
                            other.variant().side(),
                            ratios(sdk.column(Measurement::cpuMicros), other.column(Measurement::cpuMicros)),
                            ratios(
                                    sdk.column(Measurement::allocatedBytes),
                                    other.column(Measurement::allocatedBytes))));
                }
            }
        }
        return new Report(List.copyOf(results), List.copyOf(comparisons));
    }

    /**
     * Warms {@code variant} up, then measures its rounds in this JVM against the cloud at {@code cloud}. The
     * warm-up lasts the options' time and operations, then goes on in windows of 500 ms until the JIT
     * compiler spends less than 2% of the client's CPU in one, or the options' longest warm-up has passed.
     */
    static Measurement measure(Variant variant, URI cloud, Options options) throws Exception {
        ClientMeter meter = new ClientMeter();
        try (WorkloadDriver driver = WorkloadDriver.open(variant, cloud, options.listing())) {
            long warmupStart = System.nanoTime();
            driver.runUntil(
                    warmupStart + options.warmupMillis() * 1_000_000, options.warmupOperations(variant.workload()));
            while (System.nanoTime() - warmupStart < options.maxWarmupMillis() * 1_000_000) {
                ClientMeter.Reading before = meter.read();
                driver.runUntil(System.nanoTime() + QUIET_WINDOW_NANOS, 1);
                ClientMeter.Reading after = meter.read();
                if (ClientMeter.compilerNanos(before, after) < 0.02 * ClientMeter.cpuNanos(before, after)) {
                    break;
                }
            }
            ClientMeter.Reading first = meter.read();
            double[][] rounds = new double[options.rounds()][];
            ClientMeter.Reading after = first;
            for (int r = 0; r < options.rounds(); r++) {
                ClientMeter.Reading before = meter.read();
                long start = System.nanoTime();
                long ops = driver.runUntil(start + options.roundMillis() * 1_000_000, 1);
                long wall = System.nanoTime() - start;
                after = meter.read();
                rounds[r] = new double[] {
                    ClientMeter.cpuNanos(before, after) / 1e3 / ops,
                    (double) ClientMeter.allocatedBytes(before, after) / ops,
                    wall / 1e3 / ops,
                    ops
                };
            }
            return new Measurement(
                    median(column(rounds, 0)),
                    median(column(rounds, 1)),
                    median(column(rounds, 2)),
                    (long) median(column(rounds, 3)),
                    ClientMeter.compilerNanos(first, after) / 1_000_000);
        }
    }

    // Measures one variant in a fresh JVM with this JVM's options and class path.
    private static Measurement fork(Variant variant, URI cloud, Options options)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--child", variant.key()));
        args.addAll(options.childArgs(cloud));
        // A compiler thread that ended would take its CPU time out of the JIT's sum, and so put it in the client's.
        String[] f = ChildJvm.run(WorkloadHarness.class, List.of("-XX:-UseDynamicNumberOfCompilerThreads"), args);
        return new Measurement(
                Double.parseDouble(f[0]),
                Double.parseDouble(f[1]),
                Double.parseDouble(f[2]),
                Long.parseLong(f[3]),
                Long.parseLong(f[4]));
    }

    private static double[] ratios(double[] numerators, double[] denominators) {
        double[] r = new double[numerators.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = numerators[i] / denominators[i];
        }
        return r;
    }

    private static double[] column(double[][] rows, int j) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i][j];
        }
        return c;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** Prints the comparisons and the per-variant figures as Markdown tables. */
    static void print(Report report, Options options, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "Client CPU (%s) and allocation per operation, SDK / baseline (%s %s, %d cores); %s;"
                        + " warm-up of %d ms and at least %.0f%% of each workload's warm-up operations, then the median"
                        + " of %d rounds of %d ms; listing: %,d servers in pages of %,d%n%n",
                ClientMeter.compilerCpuVisible()
                        ? "all threads and GC, JIT compiler left out"
                        : "all threads, GC and JIT",
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                options.forks() == 0
                        ? "every variant in one JVM (not a measurement)"
                        : "median and range of " + options.forks() + " forks, one JVM per variant and fork",
                options.warmupMillis(),
                options.warmupScale() * 100,
                options.rounds(),
                options.roundMillis(),
                options.listing().servers(),
                options.listing().pageSize());
        out.println("| workload | SDK CPU/op | baseline CPU/op | CPU ratio (range) | target"
                + " | SDK alloc/op | baseline alloc/op | alloc ratio (range) | target |");
        out.println("|---|---:|---:|---:|---|---:|---:|---:|---|");
        for (Comparison c : report.comparisons()) {
            Workload w = c.workload();
            Result sdk = report.result(w, Side.SDK);
            Result base = report.result(w, c.baseline());
            String name = w + " " + w.title()
                    + (c.decides() ? "" : " (diagnostic: vs " + c.baseline().label() + ")");
            out.printf(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    name,
                    cpu(w, median(sdk.column(Measurement::cpuMicros))),
                    cpu(w, median(base.column(Measurement::cpuMicros))),
                    ratio(c.cpuRatio(), c.cpuRatios()),
                    c.decides() ? verdict(c.cpuWithinTarget(), w.cpuTarget()) : "-",
                    bytes(median(sdk.column(Measurement::allocatedBytes))),
                    bytes(median(base.column(Measurement::allocatedBytes))),
                    ratio(c.allocationRatio(), c.allocationRatios()),
                    c.decides() && w.allocationTarget() > 0
                            ? verdict(c.allocationWithinTarget(), w.allocationTarget())
                            : "-");
        }
        out.println();
        out.println("| variant | CPU/op per fork | alloc/op per fork | wall/op (median) | ops per round (median)"
                + " | JIT CPU ms in rounds (max) |");
        out.println("|---|---|---|---:|---:|---:|");
        for (Result r : report.results()) {
            Workload w = r.variant().workload();
            StringBuilder cpu = new StringBuilder();
            StringBuilder alloc = new StringBuilder();
            for (Measurement m : r.forks()) {
                cpu.append(cpu.length() == 0 ? "" : " ").append(cpu(w, m.cpuMicros()));
                alloc.append(alloc.length() == 0 ? "" : " ").append(bytes(m.allocatedBytes()));
            }
            out.printf(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %.0f | %.0f |%n",
                    r.variant().key(),
                    cpu,
                    alloc,
                    cpu(w, median(r.column(Measurement::wallMicros))),
                    median(r.column(Measurement::operations)),
                    max(r.column(Measurement::compilationMillis)));
        }
    }

    private static String cpu(Workload w, double micros) {
        return w.slow()
                ? String.format(Locale.ROOT, "%.1f ms", micros / 1000)
                : String.format(Locale.ROOT, "%.1f µs", micros);
    }

    private static String bytes(double b) {
        return b >= 1e6
                ? String.format(Locale.ROOT, "%.1f MB", b / 1e6)
                : String.format(Locale.ROOT, "%.1f kB", b / 1e3);
    }

    private static String ratio(double median, double[] each) {
        return each.length == 1
                ? String.format(Locale.ROOT, "%.2f", median)
                : String.format(Locale.ROOT, "%.2f (%.2f-%.2f)", median, min(each), max(each));
    }

    private static String verdict(boolean met, double target) {
        return String.format(Locale.ROOT, "≤ %.2f: %s", target, met ? "met" : "**missed**");
    }
}
