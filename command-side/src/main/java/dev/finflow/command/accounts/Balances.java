package dev.finflow.command.accounts;

import dev.finflow.events.ledger.Leg;
import dev.finflow.events.ledger.LegType;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The cash and units an account holds: what its rules are checked against. */
final class Balances {

    private BigDecimal cash = BigDecimal.ZERO;
    private final Map<String, BigDecimal> units = new HashMap<>();

    BigDecimal cash() {
        return cash;
    }

    BigDecimal units(String symbol) {
        return units.getOrDefault(symbol, BigDecimal.ZERO);
    }

    boolean isEmpty() {
        return cash.signum() == 0 && units.isEmpty();
    }

    /** The cash the account would hold after these legs. */
    BigDecimal cashAfter(List<Leg> legs) {
        return legs.stream().filter(leg -> leg.type() == LegType.CASH)
                .map(Leg::quantity).reduce(cash, BigDecimal::add);
    }

    /** The units of {@code symbol} the account would hold after these legs. */
    BigDecimal unitsAfter(String symbol, List<Leg> legs) {
        return legs.stream().filter(leg -> leg.type() == LegType.SECURITY && leg.asset().equals(symbol))
                .map(Leg::quantity).reduce(units(symbol), BigDecimal::add);
    }

    void apply(List<Leg> legs) {
        for (Leg leg : legs) {
            if (leg.type() == LegType.CASH) {
                cash = cash.add(leg.quantity());
            } else if (leg.type() == LegType.SECURITY) {
                BigDecimal held = units(leg.asset()).add(leg.quantity());
                if (held.signum() == 0) {
                    units.remove(leg.asset());
                } else {
                    units.put(leg.asset(), held);
                }
            }
        }
    }
}
