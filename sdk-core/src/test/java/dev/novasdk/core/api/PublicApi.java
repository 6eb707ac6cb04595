package dev.novasdk.core.api;

import static java.util.stream.Collectors.joining;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.opentest4j.AssertionFailedError;

/**
 * The public API of one module as a sorted, human-readable listing, and the two checks each module's
 * {@code PublicApiTest} runs on it: the listing matches the committed {@code api/public-api.txt}, so every API
 * change shows up in review, and no signature names a Jackson, Guava or HttpClient type.
 *
 * <p>The API is every public type (and public or protected nested type of one) outside packages named
 * {@code internal}, with its public and protected constructors, methods and fields. Public members a type
 * inherits from a superclass users cannot name, such as the {@code Builder} of an Immutables-generated
 * package-private {@code ImmutableX}, are listed under the type, because that is where users call them.
 */
public final class PublicApi {
    /** The system property that makes {@link #assertMatchesCommitted} rewrite the file instead of failing. */
    public static final String UPDATE_PROPERTY = "api.update";

    /** The one package whose public signatures may name HttpClient (and so library) types. */
    static final String LIBRARY_ADAPTER_PACKAGE = "dev.novasdk.core.http.apache";

    private static final Pattern LIBRARY_TYPE = Pattern.compile(
            "(?<![\\w.$])(com\\.fasterxml\\.jackson|com\\.google\\.common|org\\.apache\\.hc)\\.[\\w$]+(\\.[\\w$]+)*");

    private PublicApi() {}

    /** A type of the API: its header line, and one line per member in listing order. */
    record ApiType(String name, String packageName, String header, List<String> members) {}

    /** The listing of the API compiled into {@code classes}, a module's {@code target/classes}. */
    public static String listing(Path classes) {
        return render(scan(classes));
    }

    /**
     * Fails with a diff when the listing of {@code classes} differs from the {@code committed} file, and writes
     * the actual listing to {@code public-api.txt} next to {@code classes}; with {@code -Dapi.update=true}
     * rewrites the committed file instead.
     */
    public static void assertMatchesCommitted(Path classes, Path committed) throws IOException {
        assertMatchesCommitted(classes, committed, Boolean.getBoolean(UPDATE_PROPERTY));
    }

    static void assertMatchesCommitted(Path classes, Path committed, boolean update) throws IOException {
        String actual = listing(classes);
        if (update) {
            Files.createDirectories(committed.toAbsolutePath().getParent());
            Files.writeString(committed, actual);
            return;
        }
        // A checkout with CRLF line endings holds the same listing.
        String expected = Files.exists(committed) ? Files.readString(committed).replace("\r\n", "\n") : "";
        if (expected.equals(actual)) {
            return;
        }
        Path written = classes.resolveSibling("public-api.txt");
        Files.writeString(written, actual);
        throw new AssertionFailedError(
                "The public API differs from " + committed + " (actual listing in " + written + ").\n"
                        + "If the change is intended, rerun with -D" + UPDATE_PROPERTY + "=true and commit the file.\n"
                        + "- committed, + actual:\n" + diff(expected, actual),
                expected,
                actual);
    }

    /**
     * Fails when a public signature outside {@value #LIBRARY_ADAPTER_PACKAGE} names a Jackson, Guava or
     * HttpClient type that {@code known} does not list, and when an entry of {@code known} no longer occurs, so
     * that the list only shrinks. Entries read {@code "<type>: <member>"}, or the type's header line.
     */
    public static void assertNoLibraryTypes(Path classes, Set<String> known) {
        List<String> uses = libraryTypeUses(classes);
        List<String> added = uses.stream().filter(use -> !known.contains(use)).toList();
        List<String> gone =
                known.stream().filter(use -> !uses.contains(use)).sorted().toList();
        if (added.isEmpty() && gone.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder();
        if (!added.isEmpty()) {
            message.append("Public signatures name Jackson, Guava or HttpClient types (allowed only in ")
                    .append(LIBRARY_ADAPTER_PACKAGE)
                    .append("):\n");
            added.forEach(use -> message.append("  ").append(use).append('\n'));
        }
        if (!gone.isEmpty()) {
            message.append("Known uses no longer found; delete them from the test's list:\n");
            gone.forEach(use -> message.append("  ").append(use).append('\n'));
        }
        throw new AssertionFailedError(message.toString());
    }

    /** Each signature of the API that names a library type, in listing order. */
    static List<String> libraryTypeUses(Path classes) {
        List<String> uses = new ArrayList<>();
        for (ApiType type : scan(classes)) {
            if (type.packageName().equals(LIBRARY_ADAPTER_PACKAGE)) {
                continue;
            }
            if (LIBRARY_TYPE.matcher(type.header()).find()) {
                uses.add(type.header());
            }
            type.members().stream()
                    .filter(member -> LIBRARY_TYPE.matcher(member).find())
                    .forEach(member -> uses.add(type.name() + ": " + member));
        }
        return uses;
    }

    private static List<ApiType> scan(Path classes) {
        try (URLClassLoader loader =
                        new URLClassLoader(new URL[] {classes.toUri().toURL()}, PublicApi.class.getClassLoader());
                Stream<Path> files = Files.walk(classes)) {
            return files.map(file -> classes.relativize(file).toString())
                    .filter(file -> file.endsWith(".class") && !file.endsWith("-info.class"))
                    .map(file -> load(loader, file))
                    .filter(type -> isVisible(type) && !isInternal(type.getPackageName()))
                    .map(PublicApi::describe)
                    .sorted(Comparator.comparing(ApiType::name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(ClassLoader loader, String file) {
        String name = file.substring(0, file.length() - ".class".length()).replace(File.separatorChar, '.');
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot load " + name, e);
        }
    }

    private static boolean isInternal(String packageName) {
        return ("." + packageName + ".").contains(".internal.");
    }

    /** Whether code in another package can name {@code type}. */
    private static boolean isVisible(Class<?> type) {
        int modifiers = type.getModifiers();
        return (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers))
                && (type.getDeclaringClass() == null || isVisible(type.getDeclaringClass()));
    }

    private static ApiType describe(Class<?> type) {
        // Walk up through the superclasses users cannot name: their members are this type's API, and their
        // type variables stand for what this type passed them.
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        List<Class<?>> declarers = new ArrayList<>(List.of(type));
        List<Type> interfaces = new ArrayList<>(List.of(type.getGenericInterfaces()));
        Type superclass = type.getGenericSuperclass();
        while (superclass != null && !isVisible(raw(superclass))) {
            Class<?> hidden = raw(superclass);
            if (superclass instanceof ParameterizedType parameterized) {
                TypeVariable<?>[] variables = hidden.getTypeParameters();
                for (int i = 0; i < variables.length; i++) {
                    bindings.put(variables[i], parameterized.getActualTypeArguments()[i]);
                }
            }
            declarers.add(hidden);
            interfaces.addAll(List.of(hidden.getGenericInterfaces()));
            superclass = hidden.getGenericSuperclass();
        }
        return new ApiType(
                name(type),
                type.getPackageName(),
                header(type, superclass, interfaces, bindings),
                members(type, declarers, bindings));
    }

    /** The member lines of {@code type}, with those it inherits from the hidden superclasses in {@code declarers}. */
    private static List<String> members(Class<?> type, List<Class<?>> declarers, Map<TypeVariable<?>, Type> bindings) {
        // Keyed by kind, name and parameters: listing order, and the subclass's member wins over the one it hides.
        Map<String, String> members = new TreeMap<>();
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (isApi(constructor.getModifiers(), constructor.isSynthetic())) {
                String signature = type.getSimpleName() + parameters(constructor, bindings);
                members.put(
                        "1 " + signature,
                        modifiers(constructor.getModifiers(), Modifier.constructorModifiers()) + " "
                                + typeParameters(constructor.getTypeParameters(), bindings) + signature
                                + exceptions(constructor, bindings));
            }
        }
        for (Class<?> declarer : declarers) {
            for (Field field : declarer.getDeclaredFields()) {
                if (isApi(field.getModifiers(), field.isSynthetic())) {
                    members.putIfAbsent(
                            "0 " + field.getName(),
                            modifiers(field.getModifiers(), Modifier.fieldModifiers()) + " "
                                    + render(field.getGenericType(), bindings) + " " + field.getName());
                }
            }
            for (Method method : declarer.getDeclaredMethods()) {
                if (isApi(method.getModifiers(), method.isSynthetic() || method.isBridge())) {
                    String signature = method.getName() + parameters(method, bindings);
                    members.putIfAbsent("2 " + signature, methodLine(type, method, signature, bindings));
                }
            }
        }
        return List.copyOf(members.values());
    }

    private static boolean isApi(int modifiers, boolean synthetic) {
        return (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)) && !synthetic;
    }

    private static String header(
            Class<?> type, Type superclass, List<Type> interfaces, Map<TypeVariable<?>, Type> bindings) {
        String kind = type.isAnnotation()
                ? "@interface"
                : type.isInterface() ? "interface" : type.isEnum() ? "enum" : type.isRecord() ? "record" : "class";
        boolean isClass = kind.equals("class");
        StringBuilder header = new StringBuilder(modifiers(
                type.getModifiers(),
                Modifier.PUBLIC
                        | Modifier.PROTECTED
                        | (isClass ? Modifier.STATIC | Modifier.ABSTRACT | Modifier.FINAL : 0)));
        header.append(type.isSealed() && !type.isEnum() ? " sealed " : " ")
                .append(kind)
                .append(' ')
                .append(name(type));
        header.append(typeParameters(type.getTypeParameters(), bindings).stripTrailing());
        if (isClass && superclass != Object.class) {
            header.append(" extends ").append(render(superclass, bindings));
        }
        if (!interfaces.isEmpty() && !type.isAnnotation()) {
            header.append(type.isInterface() ? " extends " : " implements ")
                    .append(render(interfaces.toArray(Type[]::new), ", ", bindings));
        }
        return header.toString();
    }

    private static String methodLine(
            Class<?> type, Method method, String signature, Map<TypeVariable<?>, Type> bindings) {
        // In an interface "abstract" says nothing a reviewer needs; "default" does.
        int shown = Modifier.methodModifiers() & ~(type.isInterface() ? Modifier.ABSTRACT : 0);
        return modifiers(method.getModifiers(), shown)
                + (method.isDefault() ? " default " : " ")
                + typeParameters(method.getTypeParameters(), bindings)
                + render(method.getGenericReturnType(), bindings) + " " + signature
                + exceptions(method, bindings);
    }

    /** Access and the modifiers a caller or subclass depends on; not {@code synchronized}, {@code native}, ... */
    private static String modifiers(int modifiers, int applicable) {
        int api = Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL | Modifier.ABSTRACT;
        return Modifier.toString(modifiers & applicable & api);
    }

    private static String parameters(Executable executable, Map<TypeVariable<?>, Type> bindings) {
        String parameters = render(executable.getGenericParameterTypes(), ", ", bindings);
        return "(" + (executable.isVarArgs() ? parameters.substring(0, parameters.length() - 2) + "..." : parameters)
                + ")";
    }

    private static String exceptions(Executable executable, Map<TypeVariable<?>, Type> bindings) {
        Type[] exceptions = executable.getGenericExceptionTypes();
        return exceptions.length == 0 ? "" : " throws " + render(exceptions, ", ", bindings);
    }

    /** {@code <T extends Bound>} and a space, or nothing when there are no variables. */
    private static String typeParameters(TypeVariable<?>[] variables, Map<TypeVariable<?>, Type> bindings) {
        if (variables.length == 0) {
            return "";
        }
        return Arrays.stream(variables)
                        .map(variable -> {
                            Type[] bounds = variable.getBounds();
                            return bounds.length == 1 && bounds[0] == Object.class
                                    ? variable.getName()
                                    : variable.getName() + " extends " + render(bounds, " & ", bindings);
                        })
                        .collect(joining(", ", "<", ">"))
                + " ";
    }

    private static String render(Type[] types, String separator, Map<TypeVariable<?>, Type> bindings) {
        return Arrays.stream(types).map(type -> render(type, bindings)).collect(joining(separator));
    }

    private static String render(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof Class<?> c) {
            return c.isArray() ? render(c.getComponentType(), bindings) + "[]" : name(c);
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = raw(parameterized);
            String rawName = parameterized.getOwnerType() instanceof ParameterizedType owner
                    ? render(owner, bindings) + "." + raw.getSimpleName()
                    : name(raw);
            return rawName + "<" + render(parameterized.getActualTypeArguments(), ", ", bindings) + ">";
        }
        if (type instanceof GenericArrayType array) {
            return render(array.getGenericComponentType(), bindings) + "[]";
        }
        if (type instanceof WildcardType wildcard) {
            Type upper = wildcard.getUpperBounds()[0];
            return wildcard.getLowerBounds().length > 0
                    ? "? super " + render(wildcard.getLowerBounds()[0], bindings)
                    : upper == Object.class ? "?" : "? extends " + render(upper, bindings);
        }
        TypeVariable<?> variable = (TypeVariable<?>) type;
        Type bound = bindings.get(variable);
        return bound == null ? variable.getName() : render(bound, bindings);
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
    }

    private static String name(Class<?> type) {
        return type.getCanonicalName() != null ? type.getCanonicalName() : type.getName();
    }

    private static String render(List<ApiType> types) {
        StringBuilder listing = new StringBuilder().append(types.size()).append(" public types\n");
        for (ApiType type : types) {
            listing.append('\n').append(type.header()).append('\n');
            type.members().forEach(member -> listing.append("  ").append(member).append('\n'));
        }
        return listing.toString();
    }

    /**
     * The lines that differ, each change under the header of the type it belongs to, from a longest common
     * subsequence of the lines between the common head and tail. Blank lines are left out.
     */
    static String diff(String expected, String actual) {
        List<String> before = expected.lines().toList();
        List<String> after = actual.lines().toList();
        int head = 0;
        while (head < before.size() && head < after.size() && before.get(head).equals(after.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < before.size() - head
                && tail < after.size() - head
                && before.get(before.size() - 1 - tail).equals(after.get(after.size() - 1 - tail))) {
            tail++;
        }
        List<String> removed = before.subList(head, before.size() - tail);
        List<String> added = after.subList(head, after.size() - tail);
        int[][] common = new int[removed.size() + 1][added.size() + 1];
        for (int i = removed.size() - 1; i >= 0; i--) {
            for (int j = added.size() - 1; j >= 0; j--) {
                common[i][j] = removed.get(i).equals(added.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }

        StringBuilder diff = new StringBuilder();
        String header = before.subList(0, head).stream()
                .filter(PublicApi::isHeader)
                .reduce((first, second) -> second)
                .orElse("");
        boolean headerShown = false;
        int i = 0;
        int j = 0;
        while (i < removed.size() || j < added.size()) {
            char mark;
            String line;
            if (i < removed.size() && j < added.size() && removed.get(i).equals(added.get(j))) {
                mark = ' ';
                line = removed.get(i++);
                j++;
            } else if (j == added.size() || (i < removed.size() && common[i + 1][j] >= common[i][j + 1])) {
                mark = '-';
                line = removed.get(i++);
            } else {
                mark = '+';
                line = added.get(j++);
            }
            if (isHeader(line)) {
                header = line;
                headerShown = mark != ' ';
            }
            if (mark == ' ' || line.isBlank()) {
                continue;
            }
            if (!headerShown) {
                diff.append("  ").append(header).append('\n');
                headerShown = true;
            }
            diff.append(mark).append(' ').append(line).append('\n');
        }
        return diff.toString();
    }

    private static boolean isHeader(String line) {
        return !line.isBlank() && !line.startsWith(" ");
    }
}
