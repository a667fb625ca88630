package dev.finflow.command.accounts.domain;

import dev.finflow.events.ledger.Leg;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Symbol;

import java.math.BigDecimal;
import java.util.List;

/**
 * The balanced legs of each kind of transaction. Amounts are already settled in the account's currency; every
 * list sums to zero (see {@link Leg#balanced(List)}).
 */
final class Legs {

    private Legs() {
    }

    static List<Leg> cashIn(Money settled, LegType from, String counterparty) {
        BigDecimal amount = settled.amount();
        return List.of(new Leg(LegType.CASH, settled.currency().getCurrencyCode(), amount, amount),
                new Leg(from, counterparty, amount.negate(), amount.negate()));
    }

    static List<Leg> cashOut(Money settled, LegType to, String counterparty) {
        return negate(cashIn(settled, to, counterparty));
    }

    static List<Leg> buy(Symbol symbol, BigDecimal units, Money settledCost) {
        BigDecimal amount = settledCost.amount();
        return List.of(new Leg(LegType.SECURITY, symbol.value(), units, amount),
                new Leg(LegType.CASH, settledCost.currency().getCurrencyCode(), amount.negate(), amount.negate()));
    }

    static List<Leg> sell(Symbol symbol, BigDecimal units, Money settledProceeds) {
        BigDecimal amount = settledProceeds.amount();
        return List.of(new Leg(LegType.SECURITY, symbol.value(), units.negate(), amount.negate()),
                new Leg(LegType.CASH, settledProceeds.currency().getCurrencyCode(), amount, amount));
    }

    static List<Leg> negate(List<Leg> legs) {
        return legs.stream().map(Leg::negate).toList();
    }
}
