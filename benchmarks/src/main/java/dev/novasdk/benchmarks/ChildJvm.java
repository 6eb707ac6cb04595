package dev.novasdk.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a measurement in a fresh JVM with this JVM's options and class path, and reads back the one line of
 * figures it prints, {@code RESULT <figures>}.
 */
final class ChildJvm {
    /** How a child's line of figures starts. */
    static final String RESULT_PREFIX = "RESULT ";

    private ChildJvm() {}

    /**
     * Runs {@code mainClass} with {@code args}, after this JVM's options and then {@code extraJvmOptions} (which
     * therefore win); the figures after {@code RESULT }, split at spaces.
     *
     * @throws IllegalStateException with the child's output when it fails or prints no figures
     */
    static String[] run(Class<?> mainClass, List<String> extraJvmOptions, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(extraJvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
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
                    "the child JVM " + args + " failed (exit " + status + "), its output:\n" + output);
        }
        return result.trim().split(" ");
    }
}
