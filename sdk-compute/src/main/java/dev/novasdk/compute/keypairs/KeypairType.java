package dev.novasdk.compute.keypairs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.novasdk.compute.ApiEnum;
import dev.novasdk.compute.internal.ApiEnums;
import java.util.Locale;

/**
 * The kind of a keypair ({@code type}, microversion 2.2+). Values this SDK does not know read as
 * {@link #UNKNOWN}; {@link Keypair#typeRaw()} keeps what was sent.
 */
public enum KeypairType implements ApiEnum {
    /** An OpenSSH public key (Nova's default). */
    SSH,
    /** An X.509 certificate, used by Windows guests. */
    X509,
    /** A type this SDK does not know. */
    @JsonEnumDefaultValue
    UNKNOWN;

    private static final ApiEnums<KeypairType> VALUES = ApiEnums.of(values(), UNKNOWN);

    /** The value on the wire ({@code ssh}, {@code x509}). */
    @JsonValue
    @Override
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The member for a wire value, ignoring case; {@link #UNKNOWN} for anything else or null. */
    @JsonCreator
    public static KeypairType fromValue(String value) {
        return VALUES.fromValue(value);
    }
}
