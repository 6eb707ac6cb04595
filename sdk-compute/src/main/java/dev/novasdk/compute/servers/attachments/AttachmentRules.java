package dev.novasdk.compute.servers.attachments;

import java.util.regex.Pattern;

/** Nova's schema rules for attachment fields, checked before sending. */
final class AttachmentRules {
    // nova/api/validation/parameter_types.py: device_name and tag
    private static final Pattern DEVICE = Pattern.compile("(^/dev/x?[a-z]?d?)([a-z]+)[0-9]*$");
    private static final int TAG_MAX = 60;

    private AttachmentRules() {}

    static void requireNonBlank(String field, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }

    static void device(String device) {
        if (!DEVICE.matcher(device).find()) {
            throw new IllegalArgumentException("device '" + device + "' is not a device name such as /dev/vdb");
        }
    }

    static void tag(String tag) {
        if (tag.length() > TAG_MAX || tag.indexOf('/') >= 0 || tag.indexOf(',') >= 0) {
            throw new IllegalArgumentException(
                    "tag '" + tag + "' is invalid: at most " + TAG_MAX + " characters, without '/' and ','");
        }
    }
}
