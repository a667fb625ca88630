package dev.finflow.command.accounts;

import dev.finflow.problems.RuleViolation;
import dev.finflow.command.dispatch.CommandOutcome;
import dev.finflow.events.ledger.*;
import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import static dev.finflow.command.problems.CommandRule.*;
import static dev.finflow.problems.RequestRule.*;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One portfolio account: the consistency boundary for its cash and units. Command handlers check the named rules
 * ({@link dev.finflow.command.problems.CommandRule}) and then apply one event; event-sourcing handlers only assign.
 */
@Aggregate(snapshotTriggerDefinition = "accountSnapshotTrigger", cache = "accountCache",
        commandTargetResolver = "commandTargetResolver")
public class Account {

    static final String DIGEST = "requestDigest";

    @AggregateIdentifier
    private AccountId accountId;
    private String name;
    private Currency currency;
    private BigDecimal overdraftLimit;
    private boolean closed;
    private Balances balances = new Balances();
    private Map<String, Booking> bookings = new HashMap<>();
    private Set<String> cancelled = new HashSet<>();

    protected Account() {
        // Axon rebuilds the aggregate from events (or a snapshot) through this constructor.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CommandOutcome handle(OpenAccountCommand command) {
        if (accountId != null) {
            if (sameDetails(command)) {
                return CommandOutcome.repeated(accountId.value(), 0);
            }
            throw new RuleViolation(ACCOUNT_EXISTS, "account " + command.accountId() + " exists with other details");
        }
        if (command.name() == null || command.name().isBlank() || command.name().length() > 200) {
            throw new RuleViolation(INVALID_FIELD, "name must be 1 to 200 characters", "name");
        }
        BigDecimal overdraft = Objects.requireNonNullElse(command.overdraftLimit(), BigDecimal.ZERO);
        Amounts.requireNonNegative(new Money(overdraft, command.currency()), "overdraftLimit");
        apply(new AccountOpenedEvent(command.accountId(), command.name().strip(), command.currency(),
                new Money(overdraft, command.currency()).normalized().amount(), command.openedOn()));
        return CommandOutcome.recorded(command.accountId().value(), 0);
    }

    @CommandHandler
    CommandOutcome handle(DepositCashCommand command) {
        return record(command, () -> {
            Money settled = amounts().settle(command.amount(), command.fxRate(), "amount");
            return new CashDepositedEvent(accountId, command.transactionId(), command.amount(), command.fxRate(),
                    command.bookingDate(), command.memo(), Legs.cashIn(settled, LegType.EXTERNAL, code()));
        });
    }

    @CommandHandler
    CommandOutcome handle(WithdrawCashCommand command) {
        return record(command, () -> {
            Money settled = amounts().settle(command.amount(), command.fxRate(), "amount");
            List<Leg> legs = requireCovered(Legs.cashOut(settled, LegType.EXTERNAL, code()));
            return new CashWithdrawnEvent(accountId, command.transactionId(), command.amount(), command.fxRate(),
                    command.bookingDate(), command.memo(), legs);
        });
    }

    @CommandHandler
    CommandOutcome handle(RecordTradeCommand command) {
        return record(command, () -> {
            List<Leg> legs = requireCovered(Trades.legs(command, amounts()));
            return new TradeRecordedEvent(accountId, command.transactionId(), command.side(), command.symbol(),
                    command.quantity(), command.price(), command.fee(), command.fxRate(), command.tradeDate(),
                    command.memo(), legs);
        });
    }

    @CommandHandler
    CommandOutcome handle(RecordDividendCommand command) {
        return record(command, () -> {
            Money settled = amounts().settle(command.amount(), command.fxRate(), "amount");
            return new DividendRecordedEvent(accountId, command.transactionId(), command.symbol(), command.amount(),
                    command.fxRate(), command.paymentDate(), command.memo(),
                    Legs.cashIn(settled, LegType.INCOME, command.symbol().value()));
        });
    }

    /** Fees are facts imposed by the broker: they are recorded even when they take cash below the overdraft. */
    @CommandHandler
    CommandOutcome handle(ChargeFeeCommand command) {
        return record(command, () -> {
            Money settled = amounts().settle(command.amount(), command.fxRate(), "amount");
            return new FeeChargedEvent(accountId, command.transactionId(), command.amount(), command.fxRate(),
                    command.bookingDate(), command.memo(), Legs.cashOut(settled, LegType.EXPENSE, code()));
        });
    }

    @CommandHandler
    CommandOutcome handle(ReverseTransactionCommand command) {
        return record(command, () -> {
            String reversedId = command.reversedTransactionId().value();
            Booking original = bookings.get(reversedId);
            if (original == null) {
                throw new RuleViolation(UNKNOWN_TRANSACTION, "no transaction " + reversedId + " in " + accountId,
                        "reversedTransactionId");
            }
            if (!original.reversible()) {
                throw new RuleViolation(NOT_REVERSIBLE, original.kind() + " " + reversedId
                        + " cannot be reversed" + (original.kind() == Booking.Kind.REVERSAL ? "" :
                        "; send a transfer back instead"), "reversedTransactionId");
            }
            if (cancelled.contains(reversedId)) {
                throw new RuleViolation(ALREADY_REVERSED, "transaction " + reversedId + " was reversed already",
                        "reversedTransactionId");
            }
            List<Leg> legs = requireCovered(Legs.negate(original.legs()));
            return new TransactionReversedEvent(accountId, command.transactionId(), command.reversedTransactionId(),
                    command.bookingDate(), command.reason(), legs);
        });
    }

    @CommandHandler
    CommandOutcome handle(SendTransferCommand command) {
        return record(command, () -> {
            if (command.toAccountId().equals(accountId)) {
                throw new RuleViolation(SAME_ACCOUNT_TRANSFER, "cannot transfer from " + accountId + " to itself",
                        "toAccountId");
            }
            Money amount = amounts().requireOwnCurrency(command.amount(), "amount");
            if (command.fxRate() != null) {
                Amounts.requireValidRate(command.fxRate(), "fxRate");
            }
            List<Leg> legs = requireCovered(Legs.cashOut(amount, LegType.TRANSFER, command.toAccountId().value()));
            return new TransferSentEvent(accountId, command.transactionId(), command.toAccountId(), command.amount(),
                    command.fxRate(), command.bookingDate(), command.memo(), legs);
        });
    }

    @CommandHandler
    CommandOutcome handle(ReceiveTransferCommand command) {
        return record(command, () -> {
            Money credited = amounts().settle(command.amount(), command.fxRate(), "amount");
            return new TransferReceivedEvent(accountId, command.transactionId(), command.fromAccountId(),
                    command.amount(), command.fxRate(), credited, command.bookingDate(), command.memo(),
                    Legs.cashIn(credited, LegType.TRANSFER, command.fromAccountId().value()));
        });
    }

    /** Compensation of a refused transfer. Allowed on a closed account too: the money must come back. */
    @CommandHandler
    CommandOutcome handle(RefundTransferCommand command) {
        String transferId = command.transactionId().value();
        Booking sent = bookings.get(transferId);
        if (sent == null || sent.kind() != Booking.Kind.TRANSFER_SENT) {
            throw new RuleViolation(UNKNOWN_TRANSACTION, "no sent transfer " + transferId + " in " + accountId);
        }
        if (cancelled.contains(transferId)) {
            return CommandOutcome.repeated(accountId.value(), sent.sequenceNumber());
        }
        String receiver = sent.legs().stream().filter(leg -> leg.type() == LegType.TRANSFER)
                .findFirst().orElseThrow().asset();
        apply(new TransferRefundedEvent(accountId, command.transactionId(), new AccountId(receiver),
                command.reason(), command.bookingDate(), Legs.negate(sent.legs())));
        return CommandOutcome.recorded(accountId.value(), AggregateLifecycle.getVersion());
    }

    @CommandHandler
    CommandOutcome handle(CloseAccountCommand command) {
        if (closed) {
            return CommandOutcome.repeated(accountId.value(), AggregateLifecycle.getVersion());
        }
        if (!balances.isEmpty()) {
            throw new RuleViolation(ACCOUNT_NOT_EMPTY, "account " + accountId + " still holds cash "
                    + balances.cash().toPlainString() + " " + code() + " or units; withdraw or sell them first");
        }
        apply(new AccountClosedEvent(accountId, command.closedOn()));
        return CommandOutcome.recorded(accountId.value(), AggregateLifecycle.getVersion());
    }

    /**
     * The shape every transaction command shares: a repeat of a known transaction id is answered from the
     * booking (same content) or refused (other content); otherwise the account must be open and {@code decide}
     * produces the one event to apply, having checked its rules.
     */
    private CommandOutcome record(TransactionCommand command, Supplier<LedgerTransactionEvent> decide) {
        String digest = RequestDigest.of((Record) command);
        Booking known = bookings.get(command.transactionId().value());
        if (known != null) {
            if (known.digest().equals(digest)) {
                return CommandOutcome.repeated(accountId.value(), known.sequenceNumber());
            }
            throw new RuleViolation(TRANSACTION_CONFLICT, "transaction " + command.transactionId()
                    + " was recorded before with other content", "transactionId");
        }
        if (closed) {
            throw new RuleViolation(ACCOUNT_CLOSED, "account " + accountId + " is closed");
        }
        LedgerTransactionEvent event = decide.get();
        apply(event, MetaData.with(DIGEST, digest));
        return CommandOutcome.recorded(accountId.value(), AggregateLifecycle.getVersion());
    }

    /** No cash below the overdraft limit and no units below zero. */
    private List<Leg> requireCovered(List<Leg> legs) {
        BigDecimal cashAfter = balances.cashAfter(legs);
        if (cashAfter.compareTo(overdraftLimit.negate()) < 0) {
            throw new RuleViolation(INSUFFICIENT_CASH, "account " + accountId + " holds "
                    + balances.cash().toPlainString() + " " + code() + " with an overdraft limit of "
                    + overdraftLimit.toPlainString() + "; this would leave " + cashAfter.toPlainString());
        }
        for (Leg leg : legs) {
            if (leg.type() == LegType.SECURITY && leg.quantity().signum() < 0) {
                BigDecimal after = balances.unitsAfter(leg.asset(), legs);
                if (after.signum() < 0) {
                    throw new RuleViolation(INSUFFICIENT_UNITS, "account " + accountId + " holds "
                            + balances.units(leg.asset()).toPlainString() + " " + leg.asset() + "; cannot remove "
                            + leg.quantity().negate().toPlainString());
                }
            }
        }
        return legs;
    }

    private boolean sameDetails(OpenAccountCommand command) {
        BigDecimal overdraft = Objects.requireNonNullElse(command.overdraftLimit(), BigDecimal.ZERO);
        return name.equals(command.name() == null ? null : command.name().strip())
                && currency.equals(command.currency()) && overdraftLimit.compareTo(overdraft) == 0;
    }

    private Amounts amounts() {
        return new Amounts(currency);
    }

    private String code() {
        return currency.getCurrencyCode();
    }

    @EventSourcingHandler
    void on(AccountOpenedEvent event) {
        accountId = event.accountId();
        name = event.name();
        currency = event.currency();
        overdraftLimit = event.overdraftLimit();
    }

    @EventSourcingHandler
    void on(CashDepositedEvent event, @SequenceNumber long sequence, @MetaDataValue(DIGEST) String digest) {
        book(Booking.Kind.DEPOSIT, event, sequence, digest);
    }

    @EventSourcingHandler
    void on(CashWithdrawnEvent event, @SequenceNumber long sequence, @MetaDataValue(DIGEST) String digest) {
        book(Booking.Kind.WITHDRAWAL, event, sequence, digest);
    }

    @EventSourcingHandler
    void on(TradeRecordedEvent event, @SequenceNumber long sequence, @MetaDataValue(DIGEST) String digest) {
        book(Booking.Kind.TRADE, event, sequence, digest);
    }

    @EventSourcingHandler
    void on(DividendRecordedEvent event, @SequenceNumber long sequence, @MetaDataValue(DIGEST) String digest) {
        book(Booking.Kind.DIVIDEND, event, sequence, digest);
    }

    @EventSourcingHandler
    void on(FeeChargedEvent event, @SequenceNumber long sequence, @MetaDataValue(DIGEST) String digest) {
        book(Booking.Kind.FEE, event, sequence, digest);
    }

    @EventSourcingHandler
    void on(TransactionReversedEvent event, @SequenceNumber long sequence, @MetaDataValue(DIGEST) String digest) {
        book(Booking.Kind.REVERSAL, event, sequence, digest);
        cancelled.add(event.reversedTransactionId().value());
    }

    @EventSourcingHandler
    void on(TransferSentEvent event, @SequenceNumber long sequence, @MetaDataValue(DIGEST) String digest) {
        book(Booking.Kind.TRANSFER_SENT, event, sequence, digest);
    }

    @EventSourcingHandler
    void on(TransferReceivedEvent event, @SequenceNumber long sequence, @MetaDataValue(DIGEST) String digest) {
        book(Booking.Kind.TRANSFER_RECEIVED, event, sequence, digest);
    }

    @EventSourcingHandler
    void on(TransferRefundedEvent event) {
        balances.apply(event.legs());
        cancelled.add(event.transactionId().value());
    }

    @EventSourcingHandler
    void on(AccountClosedEvent event) {
        closed = true;
    }

    private void book(Booking.Kind kind, LedgerTransactionEvent event, long sequence, String digest) {
        bookings.put(event.transactionId().value(), new Booking(kind, digest, sequence, event.legs()));
        balances.apply(event.legs());
    }
}
