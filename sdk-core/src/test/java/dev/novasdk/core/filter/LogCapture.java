package dev.novasdk.core.filter;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures the events of one logback logger (and its descendants) at a chosen level, and on {@link #close()}
 * puts the logger back as it was, so tests do not leak configuration into each other. Public in the test-jar
 * for the other modules' secret-leak checks.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final Level previousLevel;
    private final boolean previousAdditive;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(String name, Level level) {
        this.logger = (Logger) LoggerFactory.getLogger(name);
        this.previousLevel = logger.getLevel();
        this.previousAdditive = logger.isAdditive();
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(level);
        // Keeps captured DEBUG lines off the console appender of the root logger.
        logger.setAdditive(false);
    }

    /** Captures {@code name} at {@code level}. */
    public static LogCapture of(String name, Level level) {
        return new LogCapture(name, level);
    }

    /** Captures the HTTP logger at DEBUG. */
    public static LogCapture httpDebug() {
        return of(LoggingFilter.LOGGER_NAME, Level.DEBUG);
    }

    /** The SLF4J logger the capture listens to. */
    public org.slf4j.Logger logger() {
        return logger;
    }

    public List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /** The formatted messages, in order. */
    public List<String> messages() {
        List<String> m = new ArrayList<>();
        appender.list.forEach(e -> m.add(e.getFormattedMessage()));
        return m;
    }

    /** The formatted messages that start with {@code prefix}. */
    public List<String> messagesStartingWith(String prefix) {
        List<String> m = new ArrayList<>();
        messages().forEach(s -> {
            if (s.startsWith(prefix)) {
                m.add(s);
            }
        });
        return m;
    }

    /**
     * Everything a log backend could print for the captured events: raw and formatted messages, arguments,
     * key-value pairs, MDC and throwables with their causes and stack frames.
     */
    public String everything() {
        StringBuilder b = new StringBuilder();
        for (ILoggingEvent e : appender.list) {
            b.append(e.getMessage())
                    .append('\n')
                    .append(e.getFormattedMessage())
                    .append('\n');
            if (e.getArgumentArray() != null) {
                b.append(Arrays.deepToString(e.getArgumentArray())).append('\n');
            }
            if (e.getKeyValuePairs() != null) {
                b.append(e.getKeyValuePairs()).append('\n');
            }
            b.append(e.getMDCPropertyMap()).append('\n');
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                b.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
                for (StackTraceElementProxy s : t.getStackTraceElementProxyArray()) {
                    b.append(s.getSTEAsString()).append('\n');
                }
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
        logger.setLevel(previousLevel);
        logger.setAdditive(previousAdditive);
    }
}
