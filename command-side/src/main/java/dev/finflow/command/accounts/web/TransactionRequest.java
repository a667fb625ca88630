package dev.finflow.command.accounts.web;

import dev.finflow.command.api.StrictText;
import tools.jackson.databind.annotation.JsonDeserialize;
import dev.finflow.command.problems.CommandRule;
import dev.finflow.problems.RuleViolation;
import dev.finflow.command.api.Bounds;
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
import io.swagger.v3.oas.annotations.media.Schema;
import dev.finflow.runtime.keys.PersonalData;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;

import static dev.finflow.command.api.Fields.required;

/**
 * One transaction as a client sends it. Which fields are required depends on {@code type}:
 * DEPOSIT, WITHDRAWAL, FEE: amount, currency; DIVIDEND: symbol, amount, currency; BUY, SELL: symbol, quantity,
 * price, currency (fee optional, in the same currency). {@code fxRate} (account currency per unit of
 * {@code currency}) is needed when the currency is not the account's. {@code date} defaults to today.
 */
record TransactionRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "tx-1")
                                 @JsonDeserialize(using = StrictText.class) String transactionId,
                                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                         allowableValues = {"DEPOSIT", "WITHDRAWAL", "BUY", "SELL", "DIVIDEND", "FEE"})
                                 @JsonDeserialize(using = StrictText.class) String type,
                                 @Schema(description = "DEPOSIT, WITHDRAWAL, FEE, DIVIDEND", example = "1000.00")
                                 BigDecimal amount,
                                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "EUR")
                                 @JsonDeserialize(using = StrictText.class) String currency,
                                 @Schema(description = "BUY, SELL, DIVIDEND", example = "ACME")
                                 @JsonDeserialize(using = StrictText.class) String symbol,
                                 @Schema(description = "BUY, SELL", example = "10") BigDecimal quantity,
                                 @Schema(description = "BUY, SELL: per unit", example = "12.50") BigDecimal price,
                                 @Schema(description = "BUY, SELL (optional)", example = "1.00") BigDecimal fee,
                                 @Schema(description = "Account currency per unit of `currency`, when they differ",
                                         example = "1.0850") BigDecimal fxRate,
                                 @Schema(description = "Effective date; today when left out", example = "2024-01-02")
                                 LocalDate date,
                                 @Schema(example = "salary") @JsonDeserialize(using = StrictText.class) String memo) {

    enum Type { DEPOSIT, WITHDRAWAL, BUY, SELL, DIVIDEND, FEE }

    /** The command; the memo sealed with its writer's key ({@code sealer}). */
    TransactionCommand toCommand(AccountId account, LocalDate today, PersonalData.Sealer sealer) {
        TransactionId id = Fields.transactionId(transactionId, "transactionId");
        LocalDate day = date != null ? Bounds.date(date, "date", today) : today;
        String note = sealer.seal(Bounds.memo(Fields.text(memo, "memo"), "memo"));
        Type kind = parsedType();
        requireOnlyFieldsOf(kind);
        Bounds.amount(amount, "amount");
        Bounds.amount(quantity, "quantity");
        Bounds.amount(price, "price");
        Bounds.amount(fee, "fee");
        Bounds.fxRate(fxRate, "fxRate");
        return switch (kind) {
            case DEPOSIT -> new DepositCashCommand(account, id, parsedAmount(), fxRate, day, note);
            case WITHDRAWAL -> new WithdrawCashCommand(account, id, parsedAmount(), fxRate, day, note);
            case FEE -> new ChargeFeeCommand(account, id, parsedAmount(), fxRate, day, note);
            case DIVIDEND -> new RecordDividendCommand(account, id, Fields.symbol(symbol, "symbol"), parsedAmount(),
                    fxRate, day, note);
            case BUY, SELL -> {
                Money unitPrice = Fields.money(price, "price", currency, "currency");
                Money tradeFee = fee == null ? null : new Money(fee, unitPrice.currency());
                yield new RecordTradeCommand(account, id, kind == Type.BUY ? TradeSide.BUY : TradeSide.SELL,
                        Fields.symbol(symbol, "symbol"), new Quantity(required(quantity, "quantity")), unitPrice,
                        tradeFee, fxRate, day, note);
            }
        };
    }

    /** A field another kind of transaction uses is refused, not silently ignored. */
    private void requireOnlyFieldsOf(Type kind) {
        boolean trade = kind == Type.BUY || kind == Type.SELL;
        refuseIf(trade && amount != null, "amount", kind);
        refuseIf(!trade && quantity != null, "quantity", kind);
        refuseIf(!trade && price != null, "price", kind);
        refuseIf(!trade && fee != null, "fee", kind);
        refuseIf(!trade && kind != Type.DIVIDEND && symbol != null, "symbol", kind);
    }

    private static void refuseIf(boolean present, String field, Type kind) {
        if (present) {
            throw new RuleViolation(CommandRule.FIELD_NOT_ALLOWED, field + " does not belong to a " + kind
                    + " transaction", field);
        }
    }

    /** The type exactly as listed: a case-folded name is refused, not guessed. */
    private Type parsedType() {
        String name = required(type, "type");
        try {
            return Type.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            throw new RuleViolation(CommandRule.UNKNOWN_TRANSACTION_TYPE, "type '" + name + "' is not one of "
                    + Arrays.toString(Type.values()), "type");
        }
    }

    private Money parsedAmount() {
        return Fields.money(amount, "amount", currency, "currency");
    }
}
