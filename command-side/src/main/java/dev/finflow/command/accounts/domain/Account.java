package dev.finflow.command.accounts.domain;

import dev.finflow.problems.RuleViolation;
import dev.finflow.runtime.dispatch.CommandOutcome;
import dev.finflow.events.ledger.*;
import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Quantity;
import dev.finflow.events.values.TransactionId;
import dev.finflow.command.problems.CommandRule;
import dev.finflow.events.MetadataKeys;
import dev.finflow.events.identity.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
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
 * One portfolio account: the consistency boundary for its cash and units, and for who may touch it. Command
 * handlers first decide access from the account's own grants (the principal on the command, from the verified
 * token), then check the named rules ({@link dev.finflow.command.problems.CommandRule}) and apply one event;
 * event-sourcing handlers only assign.
 */
// Revision 1 snapshots kept balances, not the timeline; revision 2 had no grants: both are ignored, events replayed.
@Revision("3")
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
    private LocalDate openedOn;
    private LocalDate closedOn;
    private Timeline timeline = new Timeline();
    private Map<String, Booking> bookings = new HashMap<>();
    private Set<String> cancelled = new HashSet<>();
    /** User id to access level; the opener is the first owner (the principal on the AccountOpenedEvent). */
    private Map<String, AccessLevel> grants = new HashMap<>();

    protected Account() {
        // Axon rebuilds the aggregate from events (or a snapshot) through this constructor.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CommandOutcome handle(OpenAccountCommand command, MetaData caller) {
        if (accountId != null) {
            if (levelOf(caller) == null && !actingProcess(caller)) {
                throw new RuleViolation(ACCOUNT_EXISTS, "account " + command.accountId() + " exists");
            }
            if (sameDetails(command)) {
                return CommandOutcome.repeated(accountId.value(), 0);
            }
            throw new RuleViolation(ACCOUNT_EXISTS, "account " + command.accountId() + " exists with other details");
        }
        // The controller checked the name's length on its text; here it is sealed (docs/privacy.md).
        if (command.name() == null || command.name().isBlank()) {
            throw new RuleViolation(INVALID_FIELD, "name must be 1 to 200 characters", "name");
        }
        BigDecimal overdraft = Objects.requireNonNullElse(command.overdraftLimit(), BigDecimal.ZERO);
        Amounts.requireNonNegative(new Money(overdraft, command.currency()), "overdraftLimit");
        apply(new AccountOpenedEvent(command.accountId(), command.name().strip(), command.currency(),
                new Money(overdraft, command.currency()).normalized().amount(), command.openedOn()));
        return CommandOutcome.recorded(command.accountId().value(), 0);
    }

    @CommandHandler
    CommandOutcome handle(DepositCashCommand command, MetaData caller) {
        return record(command, caller, command.bookingDate(), () -> {
            Money settled = amounts().settle(command.amount(), command.fxRate(), "amount");
            return new CashDepositedEvent(accountId, command.transactionId(), command.amount(), command.fxRate(),
                    command.bookingDate(), command.memo(), Legs.cashIn(settled, LegType.EXTERNAL, code()));
        });
    }

    @CommandHandler
    CommandOutcome handle(WithdrawCashCommand command, MetaData caller) {
        return record(command, caller, command.bookingDate(), () -> {
            Money settled = amounts().settle(command.amount(), command.fxRate(), "amount");
            List<Leg> legs = requireCovered(command.transactionId(), command.bookingDate(),
                    Legs.cashOut(settled, LegType.EXTERNAL, code()));
            return new CashWithdrawnEvent(accountId, command.transactionId(), command.amount(), command.fxRate(),
                    command.bookingDate(), command.memo(), legs);
        });
    }

    @CommandHandler
    CommandOutcome handle(RecordTradeCommand command, MetaData caller) {
        return record(command, caller, command.tradeDate(), () -> {
            List<Leg> legs = requireCovered(command.transactionId(), command.tradeDate(),
                    Trades.legs(command, amounts()));
            return new TradeRecordedEvent(accountId, command.transactionId(), command.side(), command.symbol(),
                    command.quantity(), command.price(), command.fee(), command.fxRate(), command.tradeDate(),
                    command.memo(), legs);
        });
    }

    @CommandHandler
    CommandOutcome handle(RecordDividendCommand command, MetaData caller) {
        return record(command, caller, command.paymentDate(), () -> {
            if (!timeline.held(command.symbol().value(), command.paymentDate())) {
                throw new RuleViolation(DIVIDEND_WITHOUT_HOLDING, "account " + accountId + " held no "
                        + command.symbol() + " on or before " + command.paymentDate(), "symbol");
            }
            Money settled = amounts().settle(command.amount(), command.fxRate(), "amount");
            return new DividendRecordedEvent(accountId, command.transactionId(), command.symbol(), command.amount(),
                    command.fxRate(), command.paymentDate(), command.memo(),
                    Legs.cashIn(settled, LegType.INCOME, command.symbol().value()));
        });
    }

    /** Fees are facts imposed by the broker: they are recorded even when they take cash below the overdraft. */
    @CommandHandler
    CommandOutcome handle(ChargeFeeCommand command, MetaData caller) {
        return record(command, caller, command.bookingDate(), () -> {
            Money settled = amounts().settle(command.amount(), command.fxRate(), "amount");
            return new FeeChargedEvent(accountId, command.transactionId(), command.amount(), command.fxRate(),
                    command.bookingDate(), command.memo(), Legs.cashOut(settled, LegType.EXPENSE, code()));
        });
    }

    /**
     * A reversal cancels the original from the original's own date, as if it had never been booked; it is refused
     * when any day from then on would be left short. A received transfer is reversed here, at the receiver, and
     * the transfer process then cancels the sender's leg.
     */
    @CommandHandler
    CommandOutcome handle(ReverseTransactionCommand command, MetaData caller) {
        return record(command, caller, command.bookingDate(), () -> {
            String reversedId = command.reversedTransactionId().value();
            Booking original = bookings.get(reversedId);
            if (original == null) {
                throw new RuleViolation(UNKNOWN_TRANSACTION, "no transaction " + reversedId + " in " + accountId,
                        "reversedTransactionId");
            }
            if (!original.reversible() || (original.kind() == Booking.Kind.TRANSFER_RECEIVED
                    && SystemIds.receivedFrom(command.reversedTransactionId()) == null)) {
                throw new RuleViolation(NOT_REVERSIBLE, original.kind() + " " + reversedId
                        + " cannot be reversed" + (original.kind() == Booking.Kind.TRANSFER_SENT
                        ? "; reverse it at the receiving account, as transaction " + reversedId + "@" + accountId
                        : ""), "reversedTransactionId");
            }
            if (cancelled.contains(reversedId)) {
                throw new RuleViolation(ALREADY_REVERSED, "transaction " + reversedId + " was reversed already",
                        "reversedTransactionId");
            }
            if (command.bookingDate().isBefore(original.date())) {
                throw new RuleViolation(REVERSAL_BEFORE_ORIGINAL, "transaction " + reversedId + " takes effect on "
                        + original.date() + "; its reversal cannot be dated " + command.bookingDate(), "date");
            }
            List<Leg> legs = requireCovered(command.transactionId(), original.date(), Legs.negate(original.legs()));
            return new TransactionReversedEvent(accountId, command.transactionId(), command.reversedTransactionId(),
                    command.bookingDate(), command.reason(), legs, original.date());
        });
    }

    @CommandHandler
    CommandOutcome handle(SendTransferCommand command, MetaData caller) {
        return record(command, caller, command.bookingDate(), () -> {
            if (command.toAccountId().equals(accountId)) {
                throw new RuleViolation(SAME_ACCOUNT_TRANSFER, "cannot transfer from " + accountId + " to itself",
                        "toAccountId");
            }
            Money amount = amounts().requireOwnCurrency(command.amount(), "amount");
            if (command.fxRate() != null) {
                Amounts.requireValidRate(command.fxRate(), "fxRate");
            }
            List<Leg> legs = requireCovered(command.transactionId(), command.bookingDate(),
                    Legs.cashOut(amount, LegType.TRANSFER, command.toAccountId().value()));
            return new TransferSentEvent(accountId, command.transactionId(), command.toAccountId(), command.amount(),
                    command.fxRate(), command.bookingDate(), command.memo(), legs);
        });
    }

    @CommandHandler
    CommandOutcome handle(ReceiveTransferCommand command, MetaData caller) {
        return record(command, caller, command.bookingDate(), () -> {
            Money credited = amounts().settle(command.amount(), command.fxRate(), "amount");
            return new TransferReceivedEvent(accountId, command.transactionId(), command.fromAccountId(),
                    command.amount(), command.fxRate(), credited, command.bookingDate(), command.memo(),
                    Legs.cashIn(credited, LegType.TRANSFER, command.fromAccountId().value()));
        });
    }

    /** Compensation of a refused transfer. Allowed on a closed account too: the money must come back. */
    @CommandHandler
    CommandOutcome handle(RefundTransferCommand command, MetaData caller) {
        requireWriter(caller);
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
    CommandOutcome handle(CloseAccountCommand command, MetaData caller) {
        requireWriter(caller);
        if (closed) {
            if (command.closedOn().equals(closedOn)) {
                return CommandOutcome.repeated(accountId.value(), AggregateLifecycle.getVersion());
            }
            throw new RuleViolation(ACCOUNT_ALREADY_CLOSED, "account " + accountId + " was closed on " + closedOn,
                    "date");
        }
        requireNotBeforeOpening(command.closedOn());
        LocalDate last = timeline.lastDate();
        if (last != null && command.closedOn().isBefore(last)) {
            throw new RuleViolation(CLOSURE_BEFORE_LAST_TRANSACTION, "account " + accountId
                    + " has a transaction on " + last + "; it cannot be closed on " + command.closedOn(), "date");
        }
        if (!timeline.isEmpty()) {
            throw new RuleViolation(ACCOUNT_NOT_EMPTY, "account " + accountId + " still holds cash "
                    + timeline.cash(null).toPlainString() + " " + code() + " or units; withdraw or sell them first");
        }
        apply(new AccountClosedEvent(accountId, command.closedOn()));
        return CommandOutcome.recorded(accountId.value(), AggregateLifecycle.getVersion());
    }

    /**
     * A split of a symbol the account holds. It is a fact, never refused; from its date on the account decides in
     * the new share basis. A fractional remainder is paid out at the split's cash-in-lieu price, as a sale.
     */
    @CommandHandler
    CommandOutcome handle(ApplySplitCommand command, MetaData caller) {
        requireWriter(caller);
        String symbol = command.symbol().value();
        if (closed || timeline.knowsSplit(symbol, command.effectiveDate())) {
            return CommandOutcome.repeated(accountId.value(), AggregateLifecycle.getVersion());
        }
        apply(new SplitAppliedEvent(accountId, command.symbol(), command.effectiveDate(), command.numerator(),
                command.denominator()));
        Money price = command.cashInLieuPrice();
        BigDecimal units = timeline.units(symbol, command.effectiveDate());
        BigDecimal fraction = units.subtract(units.setScale(0, RoundingMode.FLOOR));
        // In another currency the split's rate for this account's currency settles the price; without one the
        // remainder stays held (nothing is paid at a rate the split did not give).
        BigDecimal fxRate = price == null || price.currency().equals(currency) ? null
                : command.cashInLieuFxRates().get(currency.getCurrencyCode());
        boolean payable = price != null && (price.currency().equals(currency) || fxRate != null);
        if (payable && units.signum() > 0 && fraction.signum() > 0) {
            BigDecimal settled = fxRate == null ? price.amount() : price.amount().multiply(fxRate);
            BigDecimal proceeds = fraction.multiply(settled).setScale(currency.getDefaultFractionDigits(),
                    RoundingMode.HALF_EVEN);
            apply(new CashInLieuPaidEvent(accountId, SystemIds.cashInLieu(command.symbol(), command.effectiveDate()),
                    command.symbol(), new Quantity(fraction), price, fxRate, command.effectiveDate(),
                    Legs.sell(command.symbol(), fraction, new Money(proceeds, currency))));
        }
        return CommandOutcome.recorded(accountId.value(), AggregateLifecycle.getVersion());
    }

    /**
     * Grants owner or viewer access. Owners and admins may; lowering the last owner to viewer is refused.
     */
    @CommandHandler
    CommandOutcome handle(GrantAccessCommand command, MetaData caller) {
        requireGrantor(caller);
        AccessLevel now = grants.get(command.userId());
        if (now == command.level()) {
            return CommandOutcome.repeated(accountId.value(), AggregateLifecycle.getVersion());
        }
        if (now == AccessLevel.OWNER) {
            requireAnotherOwner(command.userId());
        }
        apply(new AccessGrantedEvent(accountId, command.userId(), command.level()));
        return CommandOutcome.recorded(accountId.value(), AggregateLifecycle.getVersion());
    }

    /** Ends a user's access; revoking one who has none is answered as done. The last owner stays. */
    @CommandHandler
    CommandOutcome handle(RevokeAccessCommand command, MetaData caller) {
        requireGrantor(caller);
        AccessLevel now = grants.get(command.userId());
        if (now == null) {
            return CommandOutcome.repeated(accountId.value(), AggregateLifecycle.getVersion());
        }
        if (now == AccessLevel.OWNER) {
            requireAnotherOwner(command.userId());
        }
        apply(new AccessRevokedEvent(accountId, command.userId()));
        return CommandOutcome.recorded(accountId.value(), AggregateLifecycle.getVersion());
    }

    /**
     * Writes are for owners, and for the service's own processes (transfer receipt and refund, split
     * distribution), which name themselves as {@code actor} and act on the facts, not on a user's grants. A caller
     * without a grant is told the account does not exist, exactly as for a missing one; a viewer is told no.
     */
    private void requireWriter(MetaData caller) {
        if (actingProcess(caller)) {
            return;
        }
        AccessLevel level = levelOf(caller);
        if (level == null) {
            throw new RuleViolation(ACCOUNT_NOT_FOUND, "no account " + accountId);
        }
        if (level == AccessLevel.VIEWER) {
            throw new RuleViolation(READ_ONLY_ACCESS, "you may read account " + accountId + " but not write to it");
        }
    }

    /** Owners grant and revoke on their accounts; an admin on any account. */
    private void requireGrantor(MetaData caller) {
        Object roles = caller.get(MetadataKeys.CALLER_ROLES);
        if (roles == null || !Arrays.asList(roles.toString().split(",")).contains(Role.ADMIN.claimValue())) {
            requireWriter(caller);
        }
    }

    private void requireAnotherOwner(String userId) {
        boolean another = grants.entrySet().stream()
                .anyMatch(grant -> grant.getValue() == AccessLevel.OWNER && !grant.getKey().equals(userId));
        if (!another) {
            throw new RuleViolation(LAST_OWNER, "user " + userId + " is the last owner of account " + accountId
                    + "; grant another owner first", "userId");
        }
    }

    private AccessLevel levelOf(MetaData caller) {
        Object principal = caller.get(MetadataKeys.PRINCIPAL);
        return principal == null ? null : grants.get(principal.toString());
    }

    private static boolean actingProcess(MetaData caller) {
        return caller.get(MetadataKeys.ACTOR) != null;
    }

    /**
     * The shape every transaction command shares: a repeat of a known transaction id is answered from the
     * booking (same content) or refused (other content); otherwise the account must be open and {@code decide}
     * produces the one event to apply, having checked its rules.
     */
    private CommandOutcome record(TransactionCommand command, MetaData caller, LocalDate date,
                                  Supplier<LedgerTransactionEvent> decide) {
        requireWriter(caller);
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
        requireNotBeforeOpening(date);
        LedgerTransactionEvent event = decide.get();
        apply(event, MetaData.with(DIGEST, digest));
        return CommandOutcome.recorded(accountId.value(), AggregateLifecycle.getVersion());
    }

    /**
     * No day from {@code date} on may show cash below the overdraft limit or units below zero. When the first
     * such day is this transaction's own, it is refused for what it takes; when it is a later one, the problem
     * names the first transaction of that day it would leave uncovered.
     */
    private List<Leg> requireCovered(TransactionId id, LocalDate date, List<Leg> legs) {
        Timeline.Shortfall shortfall = timeline.check(id.value(), date, legs, overdraftLimit.negate(), true);
        if (shortfall == null) {
            return legs;
        }
        String left = shortfall.balance().toPlainString() + " " + ("cash".equals(shortfall.asset()) ? code()
                : shortfall.asset()) + (("cash".equals(shortfall.asset()) && overdraftLimit.signum() > 0)
                ? " (overdraft limit " + overdraftLimit.toPlainString() + ")" : "");
        if (shortfall.date().isAfter(date)) {
            throw new RuleViolation(BREAKS_LATER_BALANCE, "transaction " + id + " on " + date + " would leave "
                    + left + " at the end of " + shortfall.date() + ", first short at transaction "
                    + shortfall.transactionId());
        }
        CommandRule rule = "cash".equals(shortfall.asset()) ? INSUFFICIENT_CASH : INSUFFICIENT_UNITS;
        throw new RuleViolation(rule, "account " + accountId + " would hold " + left + " at the end of "
                + shortfall.date() + " with transaction " + id);
    }

    private void requireNotBeforeOpening(LocalDate date) {
        if (openedOn != null && date.isBefore(openedOn)) {
            throw new RuleViolation(DATE_BEFORE_OPENING, "account " + accountId + " was opened on " + openedOn
                    + "; nothing can take effect on " + date, "date");
        }
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
    void on(AccountOpenedEvent event, @MetaDataValue(MetadataKeys.PRINCIPAL) String opener) {
        accountId = event.accountId();
        if (opener != null) {
            grants.put(opener, AccessLevel.OWNER);
        }
        name = event.name();
        currency = event.currency();
        overdraftLimit = event.overdraftLimit();
        openedOn = event.openedOn();
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

    /** A reversal dated on its original's date cancels it; an old one (revision 1) counts from its own date. */
    @EventSourcingHandler
    void on(TransactionReversedEvent event, @SequenceNumber long sequence, @MetaDataValue(DIGEST) String digest) {
        String reversed = event.reversedTransactionId().value();
        Booking original = bookings.get(reversed);
        bookings.put(event.transactionId().value(), new Booking(Booking.Kind.REVERSAL, digest, sequence,
                event.legs(), event.effectiveDate()));
        if (original != null && original.date().equals(event.effectiveDate())) {
            timeline.cancel(reversed);
        } else {
            timeline.add(new Timeline.Entry(event.effectiveDate(), sequence, event.transactionId().value(),
                    event.legs()));
        }
        cancelled.add(reversed);
    }

    @EventSourcingHandler
    void on(CashInLieuPaidEvent event, @SequenceNumber long sequence) {
        book(Booking.Kind.CASH_IN_LIEU, event, sequence, null);
    }

    @EventSourcingHandler
    void on(SplitAppliedEvent event) {
        timeline.addSplit(new Timeline.Split(event.symbol().value(), event.effectiveDate(), event.numerator(),
                event.denominator()));
    }

    @EventSourcingHandler
    void on(TransferSentEvent event, @SequenceNumber long sequence, @MetaDataValue(DIGEST) String digest) {
        book(Booking.Kind.TRANSFER_SENT, event, sequence, digest);
    }

    @EventSourcingHandler
    void on(TransferReceivedEvent event, @SequenceNumber long sequence, @MetaDataValue(DIGEST) String digest) {
        book(Booking.Kind.TRANSFER_RECEIVED, event, sequence, digest);
    }

    /** The refund cancels the sent transfer from the day it was sent. */
    @EventSourcingHandler
    void on(TransferRefundedEvent event) {
        timeline.cancel(event.transactionId().value());
        cancelled.add(event.transactionId().value());
    }

    @EventSourcingHandler
    void on(AccessGrantedEvent event) {
        grants.put(event.userId(), event.level());
    }

    @EventSourcingHandler
    void on(AccessRevokedEvent event) {
        grants.remove(event.userId());
    }

    @EventSourcingHandler
    void on(AccountClosedEvent event) {
        closed = true;
        closedOn = event.closedOn();
    }

    private void book(Booking.Kind kind, LedgerTransactionEvent event, long sequence, String digest) {
        bookings.put(event.transactionId().value(), new Booking(kind, digest, sequence, event.legs(),
                event.effectiveDate()));
        timeline.add(new Timeline.Entry(event.effectiveDate(), sequence, event.transactionId().value(),
                event.legs()));
    }
}
