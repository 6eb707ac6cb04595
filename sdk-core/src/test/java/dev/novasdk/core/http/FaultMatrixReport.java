package dev.novasdk.core.http;

import dev.novasdk.core.error.ApiException;
import dev.novasdk.core.error.TransportException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects one row per run of a fault-matrix case and writes them as a Markdown table (case, transport, call,
 * exception, requests received, time), the table quoted in {@code sdk-core/FAULTS.md}. Thread-safe.
 */
public final class FaultMatrixReport {
    private final String title;
    private final List<Row> rows = new ArrayList<>();

    /** An empty report; {@code title} heads the table. */
    public FaultMatrixReport(String title) {
        this.title = title;
    }

    /**
     * Records a run.
     *
     * @param outcome what the call threw, or {@code null} when it succeeded
     */
    public synchronized void add(
            FaultCase c, String transport, String call, Throwable outcome, int requests, long millis) {
        rows.add(new Row(c.ordinal(), c.label(), transport, call, outcome(outcome), requests, millis));
    }

    /**
     * Records a run of a case that is not a {@link FaultCase}, listed after them in the order added.
     *
     * @param outcome what the calls ended with, as it should read in the table
     */
    public synchronized void add(
            String label, String transport, String call, String outcome, int requests, long millis) {
        rows.add(new Row(Integer.MAX_VALUE, label, transport, call, outcome, requests, millis));
    }

    /** The table, in case order, then by transport and call. */
    public synchronized String markdown() {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt((Row r) -> r.order)
                .thenComparing(r -> r.order == Integer.MAX_VALUE ? "" : r.transport)
                .thenComparing(r -> r.order == Integer.MAX_VALUE ? "" : r.call));
        StringBuilder b = new StringBuilder("### ").append(title).append("\n\n");
        b.append("| case | transport | call | exception | requests received | time (ms) |\n");
        b.append("|---|---|---|---|---|---|\n");
        for (Row r : sorted) {
            b.append("| ")
                    .append(r.label)
                    .append(" | ")
                    .append(r.transport)
                    .append(" | ")
                    .append(r.call)
                    .append(" | ")
                    .append(r.outcome)
                    .append(" | ")
                    .append(r.requests)
                    .append(" | ")
                    .append(r.millis)
                    .append(" |\n");
        }
        return b.toString();
    }

    /** Writes the table to {@code file} (creating its directory) and prints it to standard output. */
    public void write(Path file) {
        String table = markdown();
        System.out.println(table);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, table, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Everything a caller or a log could show of {@code t}: its string, its causes and all stack traces. */
    public static String fullText(Throwable t) {
        StringWriter w = new StringWriter();
        try (PrintWriter p = new PrintWriter(w)) {
            t.printStackTrace(p);
        }
        return t + "\n" + w;
    }

    private static String outcome(Throwable t) {
        if (t == null) {
            return "none (success)";
        }
        String name = t.getClass().getSimpleName();
        if (t instanceof TransportException) {
            return name + " " + ((TransportException) t).kind();
        }
        if (t instanceof ApiException) {
            return name + " " + ((ApiException) t).statusCode();
        }
        return name;
    }

    private static final class Row {
        final int order;
        final String label;
        final String transport;
        final String call;
        final String outcome;
        final int requests;
        final long millis;

        Row(int order, String label, String transport, String call, String outcome, int requests, long millis) {
            this.order = order;
            this.label = label;
            this.transport = transport;
            this.call = call;
            this.outcome = outcome;
            this.requests = requests;
            this.millis = millis;
        }
    }
}
