package dev.finflow.command.accounts.domain;

import dev.finflow.events.values.Money;
import dev.finflow.events.values.Quantity;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A fingerprint of a command's content, kept with the transaction it recorded, so that a repeat of the same
 * transaction id can be told apart from a different transaction reusing the id. Equal amounts written with other
 * trailing zeros (100.0 and 100.00) count as the same content.
 */
final class RequestDigest {

    private record Component(String name, MethodHandle accessor) {
    }

    /** Record components, looked up once per class (reflection per call cost ~50 µs a command). */
    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            return Arrays.stream(type.getRecordComponents()).map(component -> {
                try {
                    return new Component(component.getName(), lookup.unreflect(component.getAccessor()));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + component, e);
                }
            }).toList();
        }
    };

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    });

    private RequestDigest() {
    }

    static String of(Record command) {
        StringBuilder canonical = new StringBuilder(256);
        append(canonical, command);
        byte[] hash = SHA_256.get().digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
        return "sha256:" + HexFormat.of().formatHex(hash);
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
            for (Component component : COMPONENTS.get(record.getClass())) {
                out.append(component.name()).append('=');
                try {
                    append(out, component.accessor().invoke(record));
                } catch (Throwable e) {
                    throw new IllegalStateException("cannot read " + component.name(), e);
                }
                out.append(';');
            }
            out.append(')');
        } else {
            out.append(value);
        }
    }
}
