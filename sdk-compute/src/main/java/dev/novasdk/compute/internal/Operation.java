package dev.novasdk.compute.internal;

import dev.novasdk.compute.MicroversionRange;
import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.Microversion;
import dev.novasdk.core.internal.JsonCodec;
import dev.novasdk.core.observe.OperationInfo;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * One API call, described once as a constant: which API and method, the path template, how the request body
 * is written and which microversions its fields need, the microversion range of the operation itself, how the
 * response is read, whether it may be sent twice, and which statuses mean "no such resource". {@link
 * OperationExecutor} runs any of them; a manager method only picks the descriptor and supplies the arguments.
 * Immutable; the {@code with*} methods return copies. Not API.
 *
 * @param <I> the request body's type ({@link Void} for none)
 * @param <O> the result's type ({@link Void} for none)
 */
public final class Operation<I, O> {
    /** The service an operation addresses. */
    public enum Api {
        /** Nova, at the microversion the executor selects. */
        COMPUTE,
        /** Glance v2: no microversions; paths are relative to {@code /v2}. */
        IMAGE
    }

    /** Writes a request body with the client's codec. */
    @FunctionalInterface
    public interface BodyWriter<I> {
        /** The encoded body. */
        byte[] write(JsonCodec codec, I body);
    }

    /** Reads a successful response with the client's codec. */
    @FunctionalInterface
    public interface ResponseReader<O> {
        /** The decoded result; {@code null} only for {@link Void}. */
        O read(JsonCodec codec, HttpRequest request, HttpResponse response);
    }

    private static final MicroversionRange ANY = MicroversionRange.atLeast(Microversion.of(2, 0));

    private final String name;
    private final Api api;
    private final HttpMethod method;
    private final PathTemplate path;
    private final MicroversionRange versions;
    private final BodyWriter<? super I> writer;
    private final Function<? super I, ? extends Collection<VersionRequirement>> fieldRequirements;
    private final ResponseReader<O> reader;
    private final boolean idempotent;
    private final Set<Integer> absent;
    private final OperationInfo info;

    private Operation(
            String name,
            Api api,
            HttpMethod method,
            PathTemplate path,
            MicroversionRange versions,
            BodyWriter<? super I> writer,
            Function<? super I, ? extends Collection<VersionRequirement>> fieldRequirements,
            ResponseReader<O> reader,
            boolean idempotent,
            Set<Integer> absent) {
        this.name = name;
        this.api = api;
        this.method = method;
        this.path = path;
        this.versions = versions;
        this.writer = writer;
        this.fieldRequirements = fieldRequirements;
        this.reader = reader;
        this.idempotent = idempotent;
        this.absent = absent;
        this.info = new OperationInfo(name, api == Api.COMPUTE ? "compute" : "image", "/" + path);
    }

    /**
     * A compute operation without a body whose response is discarded: {@code name} names it in messages
     * ({@code "servers.get"}), {@code path} is relative to the endpoint, with {@code {param}} placeholders
     * filled in order from the call's path arguments. Idempotency follows the method.
     */
    public static Operation<Void, Void> of(String name, HttpMethod method, String path) {
        return new Operation<>(
                Objects.requireNonNull(name, "name"),
                Api.COMPUTE,
                Objects.requireNonNull(method, "method"),
                PathTemplate.parse(path),
                ANY,
                null,
                b -> List.of(),
                Bodies.discard(),
                method.isIdempotent(),
                Set.of(404));
    }

    /** This operation addressed to {@code api}. */
    public Operation<I, O> on(Api api) {
        return new Operation<>(
                name,
                Objects.requireNonNull(api, "api"),
                method,
                path,
                versions,
                writer,
                fieldRequirements,
                reader,
                idempotent,
                absent);
    }

    /** This operation with a body written by {@code writer}, whose fields need no particular version. */
    public <J> Operation<J, O> sends(BodyWriter<? super J> writer) {
        return sends(writer, b -> List.of());
    }

    /** This operation with a body written by {@code writer}, whose fields need {@code requirements(body)}. */
    public <J> Operation<J, O> sends(
            BodyWriter<? super J> writer, Function<? super J, ? extends Collection<VersionRequirement>> requirements) {
        return new Operation<>(
                name,
                api,
                method,
                path,
                versions,
                Objects.requireNonNull(writer, "writer"),
                Objects.requireNonNull(requirements, "requirements"),
                reader,
                idempotent,
                absent);
    }

    /** This operation with its result read by {@code reader}. */
    public <P> Operation<I, P> returns(ResponseReader<P> reader) {
        return new Operation<>(
                name,
                api,
                method,
                path,
                versions,
                writer,
                fieldRequirements,
                Objects.requireNonNull(reader, "reader"),
                idempotent,
                absent);
    }

    /** This operation served only in {@code versions} (Nova's image proxy ends at 2.35). */
    public Operation<I, O> servedIn(MicroversionRange versions) {
        return new Operation<>(
                name,
                api,
                method,
                path,
                Objects.requireNonNull(versions, "versions"),
                writer,
                fieldRequirements,
                reader,
                idempotent,
                absent);
    }

    /** This operation, safe to send again after it may have reached the service (or not, for {@code false}). */
    public Operation<I, O> idempotent(boolean idempotent) {
        return new Operation<>(
                name, api, method, path, versions, writer, fieldRequirements, reader, idempotent, absent);
    }

    /**
     * This operation with {@code statuses} meaning "no such resource" for {@link OperationExecutor#callIfPresent}
     * (default 404; Glance answers 400 for an id that is not a UUID).
     */
    public Operation<I, O> absentWhen(Integer... statuses) {
        return new Operation<>(
                name, api, method, path, versions, writer, fieldRequirements, reader, idempotent, Set.of(statuses));
    }

    /** The name used in messages. */
    public String name() {
        return name;
    }

    /** The service addressed. */
    public Api api() {
        return api;
    }

    /** The HTTP method. */
    public HttpMethod method() {
        return method;
    }

    /** What listeners are told the operation is: its name, service type and URL template. */
    public OperationInfo info() {
        return info;
    }

    /** The path template. */
    public PathTemplate path() {
        return path;
    }

    /** The microversions the operation exists in. */
    public MicroversionRange versions() {
        return versions;
    }

    /** Whether a repeat after a possible delivery is harmless. */
    public boolean idempotent() {
        return idempotent;
    }

    /** Whether {@code status} means the addressed resource does not exist. */
    public boolean isAbsent(int status) {
        return absent.contains(status);
    }

    /** Whether the operation sends a body. */
    public boolean hasBody() {
        return writer != null;
    }

    BodyWriter<? super I> writer() {
        return writer;
    }

    List<VersionRequirement> requirements(I body) {
        return body == null ? List.of() : List.copyOf(fieldRequirements.apply(body));
    }

    ResponseReader<O> reader() {
        return reader;
    }

    @Override
    public String toString() {
        return name + " (" + method + " " + path + ")";
    }
}
