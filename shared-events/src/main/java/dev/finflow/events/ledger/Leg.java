package dev.finflow.events.ledger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One line of a balanced transaction.
 *
 * @param type     where the leg books
 * @param asset    the currency code, symbol or counter-party account (see {@link LegType})
 * @param quantity the change in units of the asset (shares for securities, the amount for cash)
 * @param amount   the value of the leg in the account's currency; the amounts of a transaction sum to zero
 */
public record Leg(LegType type, String asset, BigDecimal quantity, BigDecimal amount) {

    public Leg {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(amount, "amount");
    }

    public Leg negate() {
        return new Leg(type, asset, quantity.negate(), amount.negate());
    }

    public static boolean balanced(List<Leg> legs) {
        return legs.stream().map(Leg::amount).reduce(BigDecimal.ZERO, BigDecimal::add).signum() == 0;
    }
}
