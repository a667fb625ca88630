package dev.finflow.runtime.store;

/**
 * JSON text in which every NUL character ({@code \u0000}, which the command side accepted in memos and names)
 * becomes the six visible characters {@code \u0000}. A read model cannot store NUL (PostgreSQL text refuses it, so
 * the event would stall its projection forever); escaped, it is stored and shown as what it was. Only escapes are
 * rewritten, so an escaped backslash followed by {@code u0000} stays as it was.
 */
final class NulText {

    private static final String NUL = "\\u0000";

    private NulText() {
    }

    static String escape(String json) {
        if (json == null || !json.contains(NUL)) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length() + 8);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\' && i + 1 < json.length()) {
                if (json.startsWith(NUL, i)) {
                    out.append("\\\\u0000");
                    i += NUL.length() - 1;
                } else {
                    out.append(c).append(json.charAt(i + 1));
                    i++;
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
