package dev.novasdk.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.novasdk.core.json.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every enum of the compute module that implements {@link ApiEnum}, found on the class path so that a new one
 * is checked too: JSON uses its wire values both ways, and an enum of values the cloud sends (one with a static
 * {@code fromValue(String)}) has an {@code UNKNOWN} member that unknown values, other spellings aside, read as.
 */
class ApiEnumConformanceTest {
    private static final ObjectMapper MAPPER = JsonCodec.defaultMapper();

    static List<Class<?>> apiEnums() {
        try {
            Path root = Paths.get(ApiEnum.class.getResource("ApiEnum.class").toURI())
                    .getParent();
            Path classes = root.getParent().getParent().getParent();
            try (Stream<Path> files = Files.walk(root)) {
                List<Class<?>> found = files.map(p -> classes.relativize(p).toString())
                        .filter(f -> f.endsWith(".class"))
                        .map(f -> f.substring(0, f.length() - ".class".length())
                                .replace('/', '.')
                                .replace('\\', '.'))
                        .map(ApiEnumConformanceTest::load)
                        .filter(c -> c.isEnum() && ApiEnum.class.isAssignableFrom(c))
                        .sorted((a, b) -> a.getName().compareTo(b.getName()))
                        .collect(Collectors.toList());
                // ServerStatus, DiskConfig, VmState, TaskState, HostStatus, AddressType, ImageStatus,
                // ImageVisibility, RebootType, SortDirection, NetworkAllocation, SourceType, DestinationType.
                assertTrue(found.size() >= 13, "found only " + found);
                return found;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ApiEnum.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiEnum[] members(Class<?> type) {
        return (ApiEnum[]) type.getEnumConstants();
    }

    private static Optional<Method> fromValue(Class<?> type) {
        try {
            Method m = type.getMethod("fromValue", String.class);
            return Modifier.isStatic(m.getModifiers()) ? Optional.of(m) : Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    private static Object call(Method m, String value) {
        try {
            return m.invoke(null, value);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @MethodSource("apiEnums")
    void values_distinctIgnoringCase(Class<?> type) {
        Set<String> seen = new HashSet<>();
        for (ApiEnum member : members(type)) {
            assertNotNull(member.value(), type + "." + member);
            assertTrue(seen.add(member.value().toLowerCase(Locale.ROOT)), type + ": " + member.value() + " twice");
        }
    }

    @ParameterizedTest
    @MethodSource("apiEnums")
    void json_writesAndReadsTheWireValue(Class<?> type) throws IOException {
        for (ApiEnum member : members(type)) {
            String json = MAPPER.writeValueAsString(member);
            assertEquals(MAPPER.writeValueAsString(member.value()), json, type + "." + member);
            assertSame(member, MAPPER.readValue(json, type), type + "." + member);
        }
    }

    /** The enums of values the cloud sends: those with a static {@code fromValue(String)}. */
    static List<Class<?>> readEnums() {
        List<Class<?>> read =
                apiEnums().stream().filter(c -> fromValue(c).isPresent()).collect(Collectors.toList());
        assertTrue(read.size() >= 8, "found only " + read);
        return read;
    }

    /** The enums only ever sent (RebootType, SortDirection, ...). */
    static List<Class<?>> writeOnlyEnums() {
        List<Class<?>> written =
                apiEnums().stream().filter(c -> fromValue(c).isEmpty()).collect(Collectors.toList());
        assertTrue(written.size() >= 5, "found only " + written);
        return written;
    }

    private static ApiEnum unknownMember(Class<?> type) {
        return Stream.of(members(type))
                .filter(m -> ((Enum<?>) m).name().equals("UNKNOWN"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(type + " reads values but has no UNKNOWN member"));
    }

    @ParameterizedTest
    @MethodSource("readEnums")
    void fromValue_roundTripsEveryMemberInAnyCase(Class<?> type) {
        Method from = fromValue(type).orElseThrow();
        for (ApiEnum member : members(type)) {
            assertSame(member, call(from, member.value()), type + "." + member);
            assertSame(member, call(from, member.value().toUpperCase(Locale.ROOT)), type + "." + member);
            assertSame(member, call(from, " " + member.value().toLowerCase(Locale.ROOT) + " "), type + "." + member);
        }
    }

    @ParameterizedTest
    @MethodSource("readEnums")
    void fromValue_unknownValues_readAsUnknownAndSoDoesJson(Class<?> type) throws IOException {
        Method from = fromValue(type).orElseThrow();
        ApiEnum unknown = unknownMember(type);
        assertSame(unknown, call(from, "a value no cloud sends"));
        assertSame(unknown, call(from, null));
        assertSame(unknown, MAPPER.readValue("\"a value no cloud sends\"", type));
    }

    @ParameterizedTest
    @MethodSource("writeOnlyEnums")
    void writeOnlyEnums_haveNoUnknownMemberToSend(Class<?> type) {
        assertTrue(
                Stream.of(members(type)).noneMatch(m -> ((Enum<?>) m).name().equals("UNKNOWN")),
                type + " has UNKNOWN but no fromValue to read it with");
    }
}
