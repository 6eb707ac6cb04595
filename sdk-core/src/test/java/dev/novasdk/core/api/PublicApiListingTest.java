package dev.novasdk.core.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** {@link PublicApi} on a few small classes compiled for the test. */
class PublicApiListingTest {
    private static final Map<String, String> SOURCES = Map.of(
            "fixture/Greeter.java",
            """
            package fixture;
            public class Greeter<T extends CharSequence> {
                public static final String HELLO = "hello";
                protected int count;
                private int secret;
                public Greeter() {}
                protected Greeter(T name) {}
                Greeter(int packagePrivate) {}
                @SafeVarargs
                public final <R extends Comparable<? super R>> java.util.List<R> map(
                        java.util.function.Function<? super T, R> f, R... more) throws java.io.IOException {
                    return null;
                }
                void packagePrivate() {}
                public static class Nested {}
                static class Hidden { public void notApi() {} }
            }
            """,
            "fixture/Base.java",
            """
            package fixture;
            abstract class Base<V> implements Comparable<V> {
                public String base;
                public V value() { return null; }
                protected abstract void hook(java.util.List<V> values);
                public void overridden() {}
                public int compareTo(V other) { return 0; }
            }
            """,
            "fixture/Sub.java",
            """
            package fixture;
            public final class Sub extends Base<String> implements Runnable {
                @Override public void overridden() {}
                @Override protected void hook(java.util.List<String> values) {}
                @Override public void run() {}
            }
            """,
            "fixture/Model.java",
            """
            package fixture;
            public interface Model {
                String name();
                default String greeting() { return "hi " + name(); }
                static Builder builder() { return new Builder(); }
                final class Builder extends ImmutableModel.Builder {}
            }
            """,
            "fixture/ImmutableModel.java",
            """
            package fixture;
            final class ImmutableModel {
                public static class Builder {
                    public final Model.Builder name(String name) { return (Model.Builder) this; }
                    public Model build() { return null; }
                }
            }
            """,
            "fixture/Leaky.java",
            """
            package fixture;
            public enum Leaky {
                ONE;
                public com.google.common.collect.ImmutableList<String> names() { return null; }
            }
            """,
            "fixture/internal/Helper.java",
            """
            package fixture.internal;
            public class Helper { public void help() {} }
            """,
            "dev/novasdk/core/http/apache/Adapter.java",
            """
            package dev.novasdk.core.http.apache;
            public interface Adapter { com.google.common.collect.ImmutableList<String> names(); }
            """);

    @TempDir
    static Path dir;

    private static Path classes;

    @BeforeAll
    static void compileFixtures() throws IOException {
        classes = Files.createDirectories(dir.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", guavaJar()));
        for (Map.Entry<String, String> source : SOURCES.entrySet()) {
            Path file = dir.resolve("src").resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, errors, arguments.toArray(String[]::new));
        assertEquals(0, status, errors::toString);
    }

    private static String guavaJar() {
        try {
            return Path.of(ImmutableList.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void listing_fixtures_everyPublicSignatureAndNothingElse() {
        assertEquals(
                """
                7 public types

                public interface dev.novasdk.core.http.apache.Adapter
                  public com.google.common.collect.ImmutableList<java.lang.String> names()

                public class fixture.Greeter<T extends java.lang.CharSequence>
                  public static final java.lang.String HELLO
                  protected int count
                  public Greeter()
                  protected Greeter(T)
                  public final <R extends java.lang.Comparable<? super R>> java.util.List<R> map(java.util.function.Function<? super T, R>, R...) throws java.io.IOException

                public static class fixture.Greeter.Nested
                  public Nested()

                public enum fixture.Leaky
                  public static final fixture.Leaky ONE
                  public com.google.common.collect.ImmutableList<java.lang.String> names()
                  public static fixture.Leaky valueOf(java.lang.String)
                  public static fixture.Leaky[] values()

                public interface fixture.Model
                  public static fixture.Model.Builder builder()
                  public default java.lang.String greeting()
                  public java.lang.String name()

                public static final class fixture.Model.Builder
                  public Builder()
                  public fixture.Model build()
                  public final fixture.Model.Builder name(java.lang.String)

                public final class fixture.Sub implements java.lang.Runnable, java.lang.Comparable<java.lang.String>
                  public java.lang.String base
                  public Sub()
                  public int compareTo(java.lang.String)
                  protected void hook(java.util.List<java.lang.String>)
                  public void overridden()
                  public void run()
                  public java.lang.String value()
                """,
                PublicApi.listing(classes));
    }

    @Test
    void libraryTypeUses_outsideTheAdapterPackage_listedAsTypeAndMember() {
        assertEquals(
                List.of("fixture.Leaky: public com.google.common.collect.ImmutableList<java.lang.String> names()"),
                PublicApi.libraryTypeUses(classes));
    }

    @Test
    void assertNoLibraryTypes_onlyKnownUses_passes() {
        assertDoesNotThrow(() -> PublicApi.assertNoLibraryTypes(
                classes,
                Set.of("fixture.Leaky: public com.google.common.collect.ImmutableList<java.lang.String> names()")));
    }

    @Test
    void assertNoLibraryTypes_newUse_failsNamingIt() {
        AssertionFailedError failure =
                assertThrows(AssertionFailedError.class, () -> PublicApi.assertNoLibraryTypes(classes, Set.of()));

        assertTrue(failure.getMessage().contains("\n  fixture.Leaky: public com.google"), failure::getMessage);
    }

    @Test
    void assertNoLibraryTypes_knownUseGone_failsSoTheListShrinks() {
        Set<String> known = Set.of(
                "fixture.Leaky: public com.google.common.collect.ImmutableList<java.lang.String> names()",
                "fixture.Model: public static com.fasterxml.jackson.databind.ObjectMapper mapper()");

        AssertionFailedError failure =
                assertThrows(AssertionFailedError.class, () -> PublicApi.assertNoLibraryTypes(classes, known));

        assertEquals(
                "Known uses no longer found; delete them from the test's list:\n"
                        + "  fixture.Model: public static com.fasterxml.jackson.databind.ObjectMapper mapper()\n",
                failure.getMessage());
    }

    @Test
    void assertMatchesCommitted_changedApi_failsWithDiffAndWritesActualListing() throws IOException {
        Path committed = dir.resolve("changed.txt");
        Files.writeString(
                committed,
                PublicApi.listing(classes)
                        .replace("  public void run()\n", "")
                        .replace("public Builder()", "public Builder(int)"));

        AssertionFailedError failure = assertThrows(
                AssertionFailedError.class, () -> PublicApi.assertMatchesCommitted(classes, committed, false));

        assertTrue(
                failure.getMessage()
                        .endsWith("- committed, + actual:\n"
                                + "  public static final class fixture.Model.Builder\n"
                                + "-   public Builder(int)\n"
                                + "+   public Builder()\n"
                                + "  public final class fixture.Sub implements java.lang.Runnable,"
                                + " java.lang.Comparable<java.lang.String>\n"
                                + "+   public void run()\n"),
                failure::getMessage);
        assertEquals(PublicApi.listing(classes), Files.readString(dir.resolve("public-api.txt")));
    }

    @Test
    void assertMatchesCommitted_update_rewritesCommittedFile() throws IOException {
        Path committed = dir.resolve("api").resolve("stale.txt");

        PublicApi.assertMatchesCommitted(classes, committed, true);

        assertEquals(PublicApi.listing(classes), Files.readString(committed));
        assertDoesNotThrow(() -> PublicApi.assertMatchesCommitted(classes, committed, false));
    }
}
