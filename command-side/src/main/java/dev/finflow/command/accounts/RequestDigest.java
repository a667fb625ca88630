package dev.finflow.command.accounts;

import dev.finflow.events.values.Money;
import dev.finflow.events.values.Quantity;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A fingerprint of a command's content, kept with the transaction it recorded, so that a repeat of the same
 * transaction id can be told apart from a different transaction reusing the id. Equal amounts written with other
 * trailing zeros (100.0 and 100.00) count as the same content.
 */
final class RequestDigest {

    private RequestDigest() {
    }

    static String of(Record command) {
        StringBuilder canonical = new StringBuilder();
        append(canonical, command);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static void append(StringBuilder out, Object value) {
        if (value instanceof BigDecimal decimal) {
            out.append(decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString());
        } else if (value instanceof Money money) {
            append(out, money.amount());
            out.append(' ').append(money.currency().getCurrencyCode());
        } else if (value instanceof Quantity quantity) {
            append(out, quantity.value());
        } else if (value instanceof Record record) {
            out.append(record.getClass().getSimpleName()).append('(');
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                out.append(component.getName()).append('=');
                try {
                    append(out, component.getAccessor().invoke(record));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component, e);
                }
                out.append(';');
            }
            out.append(')');
        } else {
            out.append(value);
        }
    }
}
