package dev.finflow.command.accounts;

import dev.finflow.command.problems.CommandRule;
import dev.finflow.problems.RuleViolation;
import dev.finflow.command.api.Fields;
import dev.finflow.events.ledger.ChargeFeeCommand;
import dev.finflow.events.ledger.DepositCashCommand;
import dev.finflow.events.ledger.RecordDividendCommand;
import dev.finflow.events.ledger.RecordTradeCommand;
import dev.finflow.events.ledger.TradeSide;
import dev.finflow.events.ledger.TransactionCommand;
import dev.finflow.events.ledger.WithdrawCashCommand;
import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Quantity;
import dev.finflow.events.values.TransactionId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import static dev.finflow.command.api.Fields.required;

/**
 * One transaction as a client sends it. Which fields are required depends on {@code type}:
 * DEPOSIT, WITHDRAWAL, FEE: amount, currency; DIVIDEND: symbol, amount, currency; BUY, SELL: symbol, quantity,
 * price, currency (fee optional, in the same currency). {@code fxRate} (account currency per unit of
 * {@code currency}) is needed when the currency is not the account's. {@code date} defaults to today.
 */
public record TransactionRequest(String transactionId, String type, BigDecimal amount, String currency,
                                 String symbol, BigDecimal quantity, BigDecimal price, BigDecimal fee,
                                 BigDecimal fxRate, LocalDate date, String memo) {

    enum Type { DEPOSIT, WITHDRAWAL, BUY, SELL, DIVIDEND, FEE }

    TransactionCommand toCommand(AccountId account, LocalDate today) {
        TransactionId id = Fields.transactionId(transactionId, "transactionId");
        LocalDate day = date != null ? date : today;
        String note = Fields.text(memo, "memo");
        return switch (parsedType()) {
            case DEPOSIT -> new DepositCashCommand(account, id, parsedAmount(), fxRate, day, note);
            case WITHDRAWAL -> new WithdrawCashCommand(account, id, parsedAmount(), fxRate, day, note);
            case FEE -> new ChargeFeeCommand(account, id, parsedAmount(), fxRate, day, note);
            case DIVIDEND -> new RecordDividendCommand(account, id, Fields.symbol(symbol, "symbol"), parsedAmount(),
                    fxRate, day, note);
            case BUY, SELL -> {
                Money unitPrice = Fields.money(price, "price", currency, "currency");
                Money tradeFee = fee == null ? null : new Money(fee, unitPrice.currency());
                yield new RecordTradeCommand(account, id, parsedType() == Type.BUY ? TradeSide.BUY : TradeSide.SELL,
                        Fields.symbol(symbol, "symbol"), new Quantity(required(quantity, "quantity")), unitPrice,
                        tradeFee, fxRate, day, note);
            }
        };
    }

    private Type parsedType() {
        String name = required(type, "type");
        try {
            return Type.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new RuleViolation(CommandRule.UNKNOWN_TRANSACTION_TYPE, "type '" + name + "' is not one of "
                    + Arrays.toString(Type.values()), "type");
        }
    }

    private Money parsedAmount() {
        return Fields.money(amount, "amount", currency, "currency");
    }
}
