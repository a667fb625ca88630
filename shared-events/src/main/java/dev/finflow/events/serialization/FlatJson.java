package dev.finflow.events.serialization;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the JSON an event's metadata is stored as, when it is the common flat form: one object, no whitespace, of
 * strings without escapes and whole numbers, as Jackson writes it. The map equals the one Jackson's untyped reading
 * gives (a number is an {@link Integer} when it fits one, else a {@link Long}). Anything else (whitespace, escapes,
 * decimals, booleans, nulls, nesting, malformed text) gives null, and the caller reads it with Jackson. Reading
 * each event's metadata through Jackson took about 8 % of a rebuild's CPU.
 */
final class FlatJson {

    private FlatJson() {
    }

    /** The object's members in order; null when the text is not in the flat form. */
    static Map<String, Object> parse(String json) {
        int length = json.length();
        if (length < 2 || json.charAt(0) != '{' || json.charAt(length - 1) != '}') {
            return null;
        }
        Map<String, Object> members = new LinkedHashMap<>();
        int at = 1;
        if (length == 2) {
            return members;
        }
        while (true) {
            int keyEnd = stringEnd(json, at);
            if (keyEnd < 0 || keyEnd + 1 >= length || json.charAt(keyEnd + 1) != ':') {
                return null;
            }
            String key = json.substring(at + 1, keyEnd);
            int valueStart = keyEnd + 2;
            int valueEnd;
            Object value;
            if (valueStart < length && json.charAt(valueStart) == '"') {
                valueEnd = stringEnd(json, valueStart);
                if (valueEnd < 0) {
                    return null;
                }
                value = json.substring(valueStart + 1, valueEnd);
                valueEnd++;
            } else {
                valueEnd = valueStart;
                while (valueEnd < length && json.charAt(valueEnd) != ',' && json.charAt(valueEnd) != '}') {
                    valueEnd++;
                }
                value = wholeNumber(json, valueStart, valueEnd);
                if (value == null) {
                    return null;
                }
            }
            members.put(key, value);
            if (valueEnd == length - 1) {
                return members;
            }
            if (valueEnd >= length || json.charAt(valueEnd) != ',') {
                return null;
            }
            at = valueEnd + 1;
        }
    }

    /** The index of the quote closing the string that opens at {@code at}; -1 if none, or an escape or control. */
    private static int stringEnd(String json, int at) {
        if (at >= json.length() || json.charAt(at) != '"') {
            return -1;
        }
        for (int i = at + 1; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' || c < 0x20) {
                return -1;
            }
        }
        return -1;
    }

    /** {@code -?(0|[1-9][0-9]*)} of at most 18 digits as an Integer or Long; null for anything else. */
    private static Object wholeNumber(String json, int from, int to) {
        int i = from;
        boolean negative = i < to && json.charAt(i) == '-';
        if (negative) {
            i++;
        }
        int digits = to - i;
        if (digits < 1 || digits > 18 || digits > 1 && json.charAt(i) == '0') {
            return null;
        }
        long value = 0;
        for (; i < to; i++) {
            char c = json.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        value = negative ? -value : value;
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? Integer.valueOf((int) value) : (Object) value;
    }
}
