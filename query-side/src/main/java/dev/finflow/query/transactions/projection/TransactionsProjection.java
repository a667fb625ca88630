package dev.finflow.query.transactions.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finflow.events.MetadataKeys;
import dev.finflow.events.ledger.AccountOpenedEvent;
import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.CashWithdrawnEvent;
import dev.finflow.events.ledger.DividendRecordedEvent;
import dev.finflow.events.ledger.FeeChargedEvent;
import dev.finflow.events.ledger.Leg;
import dev.finflow.events.ledger.LedgerTransactionEvent;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.ledger.TradeRecordedEvent;
import dev.finflow.events.ledger.TransactionReversedEvent;
import dev.finflow.events.ledger.TransferReceivedEvent;
import dev.finflow.events.ledger.TransferRefundedEvent;
import dev.finflow.events.ledger.TransferSentEvent;
import dev.finflow.events.serialization.EventJson;
import dev.finflow.runtime.projection.BulkInsert;
import dev.finflow.runtime.projection.ProjectedEvent;
import dev.finflow.runtime.projection.Projection;
import dev.finflow.runtime.projection.TableSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The transaction list of each account: one row per ledger transaction with its net cash effect, and reversals
 * linked both ways (a reversal names what it reverses; the reversed row names its reversal). Idempotent by
 * position.
 */
@Component
public class TransactionsProjection implements Projection {

    public static final String NAME = "transactions";
    public static final String ACCOUNTS = "transaction_account";
    public static final String TRANSACTIONS = "account_transaction";
    private static final ObjectMapper JSON = EventJson.objectMapper();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(ACCOUNTS, TRANSACTIONS);
    }

    /** Reversals look transactions up by id; nothing here reads them in the account's order. */
    @Override
    public List<String> indexesBuiltLast() {
        return List.of("account_transaction_account");
    }

    @Override
    public boolean handles(Class<?> payloadType) {
        return AccountOpenedEvent.class.isAssignableFrom(payloadType)
                || LedgerTransactionEvent.class.isAssignableFrom(payloadType);
    }

    @Override
    public void apply(List<ProjectedEvent> events, TableSet tables, JdbcTemplate jdbc) {
        List<Object[]> accounts = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> reversals = new ArrayList<>();
        for (ProjectedEvent event : events) {
            if (event.payload() instanceof AccountOpenedEvent opened) {
                accounts.add(new Object[]{opened.accountId().value(), event.position()});
            } else if (event.payload() instanceof LedgerTransactionEvent tx) {
                rows.add(row(event, tx));
                if (tx instanceof TransactionReversedEvent reversal) {
                    reversals.add(new Object[]{reversal.transactionId().value(),
                            Timestamp.from(event.recordedAt()), reversal.accountId().value(),
                            reversal.reversedTransactionId().value()});
                }
            }
        }
        jdbc.batchUpdate("insert into " + tables.name(ACCOUNTS) + " (account_id, position) values (?, ?) "
                + "on conflict (account_id) do nothing", accounts);
        BulkInsert.into(tables.name(TRANSACTIONS), "position, account_id, transaction_id, event_type, "
                + "effective_date, recorded_at, symbol, quantity, amount, currency, counterparty, memo, reverses, legs, "
                + "principal, correlation_id", "(position) do nothing").write(jdbc, rows);
        jdbc.batchUpdate("update " + tables.name(TRANSACTIONS) + " set reversed_by = ?, reversed_at = ? where account_id = ? and "
                + "transaction_id = ?", reversals);
    }

    private static Object[] row(ProjectedEvent event, LedgerTransactionEvent tx) {
        BigDecimal cash = null;
        String currency = null;
        for (Leg leg : tx.legs()) {
            if (leg.type() == LegType.CASH) {
                cash = cash == null ? leg.quantity() : cash.add(leg.quantity());
                currency = leg.asset();
            }
        }
        String symbol = null;
        BigDecimal quantity = null;
        String counterparty = null;
        String memo = null;
        String reverses = null;
        if (tx instanceof TradeRecordedEvent trade) {
            symbol = trade.symbol().value();
            quantity = trade.quantity().value();
            memo = trade.memo();
        } else if (tx instanceof DividendRecordedEvent dividend) {
            symbol = dividend.symbol().value();
            memo = dividend.memo();
        } else if (tx instanceof TransferSentEvent sent) {
            counterparty = sent.toAccountId().value();
            memo = sent.memo();
        } else if (tx instanceof TransferReceivedEvent received) {
            counterparty = received.fromAccountId().value();
            memo = received.memo();
        } else if (tx instanceof TransferRefundedEvent refunded) {
            counterparty = refunded.toAccountId().value();
            memo = refunded.reason();
        } else if (tx instanceof TransactionReversedEvent reversal) {
            reverses = reversal.reversedTransactionId().value();
            memo = reversal.reason();
        } else if (tx instanceof CashDepositedEvent deposit) {
            memo = deposit.memo();
        } else if (tx instanceof CashWithdrawnEvent withdrawal) {
            memo = withdrawal.memo();
        } else if (tx instanceof FeeChargedEvent fee) {
            memo = fee.memo();
        }
        return new Object[]{event.position(), tx.accountId().value(), tx.transactionId().value(), event.type(),
                tx.effectiveDate(), event.recordedAt(), symbol, quantity, cash, currency,
                counterparty, memo, reverses, json(tx.legs()), event.principal(),
                event.meta(MetadataKeys.CORRELATION_ID)};
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
