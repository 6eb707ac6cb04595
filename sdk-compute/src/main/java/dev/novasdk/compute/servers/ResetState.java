package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.novasdk.compute.ApiEnum;

/** The states an administrator can force a server into with {@link ServerManager#resetState}. */
public enum ResetState implements ApiEnum {
    /** {@code active}: the server reads {@code ACTIVE} again, whatever its hypervisor says. */
    ACTIVE("active"),
    /** {@code error}: the server reads {@code ERROR}, so that it can only be rebuilt, reset or deleted. */
    ERROR("error");

    private final String value;

    ResetState(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }
}
