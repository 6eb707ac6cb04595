package dev.novasdk.identity;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A cloud configuration that cannot be used: a setting missing or contradicting another, a value of the wrong
 * form, a cloud not defined, or a {@code clouds.yaml} that is not valid YAML. Thrown by {@link CloudConfig}
 * before any request is sent. The message names the variables, keys, files and lines involved; it never
 * contains a password, token or secret.
 */
public final class CloudConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    // Kept as a string: Path is not serializable.
    private final String file;
    private final int line;

    CloudConfigException(String message) {
        this(message, null, 0, null);
    }

    CloudConfigException(String message, Path file, int line, Throwable cause) {
        super(message, cause);
        this.file = file == null ? null : file.toString();
        this.line = line;
    }

    /** The configuration file at fault, when the problem is in a file. */
    public Optional<Path> file() {
        return Optional.ofNullable(file).map(Path::of);
    }

    /** The 1-based line in {@link #file()}, when known. */
    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }
}
