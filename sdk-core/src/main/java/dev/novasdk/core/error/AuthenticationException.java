package dev.novasdk.core.error;

import java.util.Optional;

/**
 * 401: the credentials were refused, or a token stayed invalid after one re-authentication. Never retried
 * in a loop.
 */
public class AuthenticationException extends ApiException {
    /** An exception describing {@code error}. */
    public AuthenticationException(ApiError error) {
        super(error);
    }

    /**
     * Keystone's multi-factor receipt: the password was right but more methods are required. Send it back in
     * the {@code Openstack-Auth-Receipt} header with the missing methods.
     */
    public Optional<String> authReceipt() {
        return error().authReceipt();
    }
}
