package dev.finflow.command.accounts.domain;

import dev.finflow.problems.RuleViolation;
import dev.finflow.events.ledger.Leg;
import dev.finflow.events.ledger.RecordTradeCommand;
import dev.finflow.events.ledger.TradeSide;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Quantity;

import java.math.BigDecimal;
import java.util.List;

import static dev.finflow.command.problems.CommandRule.*;

/** The rules and legs of a trade: units times price, plus (buy) or minus (sell) the fee, settled. */
final class Trades {

    /** The most decimals a price per unit may carry (sub-cent prices exist). */
    static final int MAX_PRICE_SCALE = 6;

    private Trades() {
    }

    static List<Leg> legs(RecordTradeCommand trade, Amounts amounts) {
        Quantity quantity = trade.quantity();
        if (!quantity.isPositive()) {
            throw new RuleViolation(NON_POSITIVE_QUANTITY, "quantity must be positive, was " + quantity, "quantity");
        }
        if (!quantity.hasValidScale()) {
            throw new RuleViolation(TOO_MANY_DECIMALS, "quantity " + quantity + " has more than "
                    + Quantity.MAX_SCALE + " decimals", "quantity");
        }
        Money price = trade.price();
        if (!price.isPositive()) {
            throw new RuleViolation(NON_POSITIVE_AMOUNT, "price must be positive, was " + price, "price");
        }
        if (price.amount().stripTrailingZeros().scale() > MAX_PRICE_SCALE) {
            throw new RuleViolation(TOO_MANY_DECIMALS, "price " + price + " has more than " + MAX_PRICE_SCALE
                    + " decimals", "price");
        }
        Money fee = trade.fee() == null ? Money.zero(price.currency()) : trade.fee();
        Amounts.requireNonNegative(fee, "fee");
        if (!fee.currency().equals(price.currency())) {
            throw new RuleViolation(CURRENCY_MISMATCH, "fee is in " + fee.currency() + " but the price is in "
                    + price.currency(), "fee");
        }
        BigDecimal gross = price.amount().multiply(quantity.value());
        boolean buy = trade.side() == TradeSide.BUY;
        Money total = new Money(buy ? gross.add(fee.amount()) : gross.subtract(fee.amount()), price.currency());
        Money settled = amounts.settleComputed(total, trade.fxRate(), buy ? "cost" : "proceeds");
        return buy ? Legs.buy(trade.symbol(), quantity.value(), settled)
                : Legs.sell(trade.symbol(), quantity.value(), settled);
    }
}
