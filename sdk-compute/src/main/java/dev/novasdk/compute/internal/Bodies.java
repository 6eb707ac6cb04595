package dev.novasdk.compute.internal;

import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.internal.JsonCodec;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** The body writers and response readers every {@link Operation} is made of. Not API. */
public final class Bodies {
    private Bodies() {}

    /** The body as the codec writes it, for request types that write their own envelope ({@code ServerCreate}). */
    public static <I> Operation.BodyWriter<I> json() {
        return JsonCodec::write;
    }

    /** {@code {"key": body}}. */
    public static <I> Operation.BodyWriter<I> member(String key) {
        Objects.requireNonNull(key, "key");
        return (codec, body) -> codec.writeEnveloped(key, body);
    }

    /** {@code {"key": null}}, the body of Nova's argument-less actions ({@code os-start}). */
    public static Operation.BodyWriter<Void> nullMember(String key) {
        Objects.requireNonNull(key, "key");
        return (codec, body) -> codec.writeEnveloped(key, null);
    }

    /** The whole document as a {@code type}. */
    public static <O> Operation.ResponseReader<O> document(Class<O> type) {
        Objects.requireNonNull(type, "type");
        return (codec, request, response) -> codec.decode(request, response, null, type);
    }

    /** The member {@code key} of the document as a {@code type}. */
    public static <O> Operation.ResponseReader<O> member(String key, Class<O> type) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        return (codec, request, response) -> codec.decode(request, response, key, type);
    }

    /**
     * {@link #document(Class)}, read by {@code fast} when the document has the shape it reads, else by Jackson's
     * binding; see {@link JsonCodec#decode(dev.novasdk.core.http.HttpRequest, dev.novasdk.core.http.HttpResponse,
     * String, Class, JsonCodec.FastReader)}.
     */
    public static <O> Operation.ResponseReader<O> document(Class<O> type, JsonCodec.FastReader<O> fast) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fast, "fast");
        return (codec, request, response) -> codec.decode(request, response, null, type, fast);
    }

    /** {@link #member(String, Class)}, read by {@code fast} when the member has the shape it reads. */
    public static <O> Operation.ResponseReader<O> member(String key, Class<O> type, JsonCodec.FastReader<O> fast) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fast, "fast");
        return (codec, request, response) -> codec.decode(request, response, key, type, fast);
    }

    /**
     * {@code reader}, whose result holds the one secret its response hands out (a created server's
     * {@code adminPass}): the executor learns it from the result, and the secret registry skips its own parse
     * of the body, which would read the document a second time.
     */
    public static <O> Operation.ResponseReader<O> learningSecret(
            Operation.ResponseReader<O> reader, Function<? super O, Optional<String>> secret) {
        return new SecretReader<>(Objects.requireNonNull(reader, "reader"), Objects.requireNonNull(secret, "secret"));
    }

    /** A reader whose results carry the secret of their response; see {@link #learningSecret}. */
    static final class SecretReader<O> implements Operation.ResponseReader<O> {
        private final Operation.ResponseReader<O> reader;
        private final Function<? super O, Optional<String>> secret;

        SecretReader(Operation.ResponseReader<O> reader, Function<? super O, Optional<String>> secret) {
            this.reader = reader;
            this.secret = secret;
        }

        @Override
        public O read(JsonCodec codec, HttpRequest request, HttpResponse response) {
            return reader.read(codec, request, response);
        }

        Optional<String> secretOf(O result) {
            return result == null ? Optional.empty() : secret.apply(result);
        }
    }

    /** No result: the body, if any, is not read. */
    public static Operation.ResponseReader<Void> discard() {
        return (codec, request, response) -> null;
    }
}
