package dev.finflow.events.values;

import java.util.regex.Pattern;

/** The one check every identifier record shares: present and in its format. */
final class Identifiers {

    private Identifiers() {
    }

    static void require(Pattern format, String value, String what) {
        if (value == null || !format.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "invalid " + what + " '" + value + "': expected " + format.pattern());
        }
    }
}
