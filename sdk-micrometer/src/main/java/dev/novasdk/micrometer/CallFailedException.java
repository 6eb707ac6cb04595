package dev.novasdk.micrometer;

/**
 * What {@link ObservationCallListener} records as the {@linkplain io.micrometer.observation.Observation#error
 * error} of a call that failed, so that a tracing handler marks its span as failed: the observation ends before
 * the SDK throws the exception the caller catches, and only the call's operation and error type are known then.
 * Its message is {@code "<operation> failed: <error type>"}, such as {@code "servers.get failed: 404"} or
 * {@code "servers.create failed: CONNECT_FAILED"}; it holds nothing from the request or the response, and has no
 * stack trace.
 */
public final class CallFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String errorType;

    CallFailedException(String operation, String errorType) {
        super(operation + " failed: " + errorType, null, false, false);
        this.operation = operation;
        this.errorType = errorType;
    }

    /** The operation that failed, such as {@code servers.get}. */
    public String operation() {
        return operation;
    }

    /** Why: the status ({@code 404}) or the kind of transport failure ({@code CONNECT_FAILED}). */
    public String errorType() {
        return errorType;
    }
}
