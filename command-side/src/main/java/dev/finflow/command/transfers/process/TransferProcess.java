package dev.finflow.command.transfers.process;

import dev.finflow.problems.RuleViolation;
import dev.finflow.runtime.dispatch.CommandDispatcher;
import dev.finflow.events.MetadataKeys;
import dev.finflow.events.ledger.ReceiveTransferCommand;
import dev.finflow.events.ledger.RefundTransferCommand;
import dev.finflow.events.ledger.TransactionReversedEvent;
import dev.finflow.events.ledger.TransferSentEvent;
import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.TransactionId;
import dev.finflow.command.accounts.domain.SystemIds;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The second half of every transfer: credits the receiving account, or, when it refuses (closed, missing,
 * other currency without an FX rate), refunds the sender. Both commands are idempotent by the transfer id, so a
 * redelivered event after a crash does no harm. Any other failure stops the processor, which retries the event:
 * a transfer is never left half done.
 */
@Component
@ProcessingGroup(TransferProcess.NAME)
class TransferProcess {

    static final String NAME = "transfer-process";
    /** The principal stays the sender's (inherited from the event); this names who acted for them. */
    private static final MetaData ACTING = MetaData.with(MetadataKeys.ACTOR, "command-side/" + NAME);
    static final String REFUSED = "refused by the receiving account";
    private static final Logger log = LoggerFactory.getLogger(TransferProcess.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final CommandDispatcher dispatcher;

    TransferProcess(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @EventHandler
    void on(TransferSentEvent sent) {
        // At the receiver the id is scoped to the sender: two senders may choose the same transfer id.
        ReceiveTransferCommand receive = new ReceiveTransferCommand(sent.toAccountId(),
                SystemIds.received(sent.transactionId(), sent.accountId()), sent.accountId(), sent.amount(),
                sent.fxRate(), sent.bookingDate(), sent.memo());
        try {
            dispatcher.send(receive, ACTING).block(TIMEOUT);
        } catch (RuleViolation | AggregateNotFoundException refused) {
            // The receiver is another person's account: the sender learns that it refused, never why.
            String reason = refused instanceof RuleViolation violation
                    ? violation.rule().id() + ": " + violation.getMessage()
                    : "account-not-found: no account " + sent.toAccountId();
            log.info("transfer {} refused by {}, refunding {}: {}", sent.transactionId(), sent.toAccountId(),
                    sent.accountId(), reason);
            dispatcher.send(new RefundTransferCommand(sent.accountId(), sent.transactionId(), REFUSED,
                    sent.bookingDate()), ACTING).block(TIMEOUT);
        }
    }

    /**
     * A received transfer reversed at the receiver (which checked it could give the money back) is cancelled at
     * the sender too, from the day it was sent: the transfer is reversed as a whole.
     */
    @EventHandler
    void on(TransactionReversedEvent reversal) {
        String[] sender = SystemIds.receivedFrom(reversal.reversedTransactionId());
        if (sender == null) {
            return;
        }
        dispatcher.send(new RefundTransferCommand(new AccountId(sender[0]), new TransactionId(sender[1]),
                // The reversal's reason is the reverser's personal text, sealed with their key: not copied here.
                "reversed at " + reversal.accountId() + " by " + reversal.transactionId(), reversal.originalDate()),
                ACTING).block(TIMEOUT);
    }

    /** Replaying the process must not move money again; it only ever runs forward. */
    @ResetHandler
    void onReset() {
        throw new UnsupportedOperationException("the transfer process is never replayed");
    }
}
