package dev.novasdk.core.http;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenStack API microversion such as {@code 2.37}. Ordered numerically, so 2.10 comes after 2.9.
 */
public final class Microversion implements Comparable<Microversion> {
    // Nova's own rule (api_version_request.py): no leading zeros, minor may be 0.
    private static final Pattern FORMAT = Pattern.compile("^([1-9]\\d{0,8})\\.([1-9]\\d{0,8}|0)$");

    private final int major;
    private final int minor;

    private Microversion(int major, int minor) {
        this.major = major;
        this.minor = minor;
    }

    /** The version {@code major.minor}. */
    public static Microversion of(int major, int minor) {
        if (major < 1 || minor < 0) {
            throw new IllegalArgumentException(
                    "microversion must be major >= 1 and minor >= 0, got " + major + "." + minor);
        }
        return new Microversion(major, minor);
    }

    /**
     * Parses {@code "2.37"}.
     *
     * @throws IllegalArgumentException when the text is not {@code MajorNum.MinorNum} as Nova requires
     */
    public static Microversion parse(String text) {
        Objects.requireNonNull(text, "microversion");
        Matcher m = FORMAT.matcher(text.trim());
        if (text.trim().equalsIgnoreCase("latest")) {
            // Nova accepts "latest", but code written against one version then breaks when the cloud upgrades.
            throw new IllegalArgumentException("microversion 'latest' is not supported: pin a version such as 2.37,"
                    + " or leave it unset to let the client negotiate one");
        }
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "microversion '" + text + "' is not of the form MajorNum.MinorNum (e.g. 2.37)");
        }
        return new Microversion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The major number. */
    public int major() {
        return major;
    }

    /** The minor number. */
    public int minor() {
        return minor;
    }

    /** Whether this version is {@code other} or later. */
    public boolean isAtLeast(Microversion other) {
        return compareTo(other) >= 0;
    }

    /** Whether this version is {@code other} or earlier. */
    public boolean isAtMost(Microversion other) {
        return compareTo(other) <= 0;
    }

    @Override
    public int compareTo(Microversion o) {
        int c = Integer.compare(major, o.major);
        return c != 0 ? c : Integer.compare(minor, o.minor);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Microversion && ((Microversion) o).major == major && ((Microversion) o).minor == minor;
    }

    @Override
    public int hashCode() {
        return major * 1009 + minor;
    }

    /** {@code "2.37"}. */
    @Override
    public String toString() {
        return major + "." + minor;
    }
}
