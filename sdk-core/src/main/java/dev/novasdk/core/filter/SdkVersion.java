package dev.novasdk.core.filter;

final class SdkVersion {
    static final String VERSION = "0.1.0";

    private SdkVersion() {}
}
