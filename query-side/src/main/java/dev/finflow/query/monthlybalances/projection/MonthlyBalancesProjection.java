package dev.finflow.query.monthlybalances.projection;

import dev.finflow.events.ledger.AccountOpenedEvent;
import dev.finflow.events.ledger.Leg;
import dev.finflow.events.ledger.LedgerTransactionEvent;
import dev.finflow.events.ledger.LegType;
import dev.finflow.runtime.projection.BulkInsert;
import dev.finflow.runtime.projection.ProjectedEvent;
import dev.finflow.runtime.projection.Projection;
import dev.finflow.runtime.projection.TableSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inflows and outflows of every asset (cash and securities, in units) per account and calendar month of the
 * effective date. Flows add up in any order, so backdated transactions need no recomputation; balances are
 * running sums taken on read, where months without activity are carried forward. Each leg is also kept as an
 * entry: the lineage of a month.
 */
@Component
public class MonthlyBalancesProjection implements Projection {

    public static final String NAME = "monthly-balances";
    public static final String ACCOUNTS = "monthly_account";
    public static final String FLOWS = "monthly_flow";
    public static final String ENTRIES = "monthly_entry";

    private record FlowKey(String accountId, String asset, LocalDate month) {
    }

    private static final class Flow {
        String kind;
        BigDecimal inflows = BigDecimal.ZERO;
        BigDecimal outflows = BigDecimal.ZERO;
        long lastPosition;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(ACCOUNTS, FLOWS, ENTRIES);
    }

    /** Entries are only inserted, never looked up while applying: a rebuild builds their index at the end. */
    @Override
    public List<String> indexesBuiltLast() {
        return List.of("monthly_entry_key");
    }

    @Override
    public boolean handles(Class<?> payloadType) {
        return AccountOpenedEvent.class.isAssignableFrom(payloadType)
                || LedgerTransactionEvent.class.isAssignableFrom(payloadType);
    }

    @Override
    public void apply(List<ProjectedEvent> events, TableSet tables, JdbcTemplate jdbc) {
        List<Object[]> accounts = new ArrayList<>();
        List<Object[]> entries = new ArrayList<>();
        Map<FlowKey, Flow> flows = new LinkedHashMap<>();
        for (ProjectedEvent event : events) {
            if (event.payload() instanceof AccountOpenedEvent opened) {
                accounts.add(new Object[]{opened.accountId().value(), event.position()});
            } else if (event.payload() instanceof LedgerTransactionEvent transaction) {
                LocalDate month = transaction.effectiveDate().withDayOfMonth(1);
                List<Leg> legs = transaction.legs();
                for (int i = 0; i < legs.size(); i++) {
                    Leg leg = legs.get(i);
                    if (leg.type() != LegType.CASH && leg.type() != LegType.SECURITY) {
                        continue;
                    }
                    String account = transaction.accountId().value();
                    Flow flow = flows.computeIfAbsent(new FlowKey(account, leg.asset(), month), k -> new Flow());
                    flow.kind = leg.type().name();
                    if (leg.quantity().signum() >= 0) {
                        flow.inflows = flow.inflows.add(leg.quantity());
                    } else {
                        flow.outflows = flow.outflows.add(leg.quantity().negate());
                    }
                    flow.lastPosition = event.position();
                    entries.add(new Object[]{event.position(), i, account, leg.asset(), month, leg.quantity(),
                            event.eventId(), event.type(), event.recordedAt(), event.principal()});
                }
            }
        }
        jdbc.batchUpdate("insert into " + tables.name(ACCOUNTS) + " (account_id, position) values (?, ?) "
                + "on conflict (account_id) do nothing", accounts);
        BulkInsert.into(tables.name(ENTRIES), "position, leg, account_id, asset, month, quantity, event_id, "
                + "event_type, recorded_at, principal", "(position, leg) do nothing").write(jdbc, entries);
        // Events of an account arrive in order, so a batch whose last position a row already has was applied.
        BulkInsert.into(tables.name(FLOWS), "f", "account_id, asset, kind, month, inflows, outflows, last_position",
                "(account_id, asset, month) do update set inflows = f.inflows + excluded.inflows, outflows = "
                        + "f.outflows + excluded.outflows, last_position = excluded.last_position "
                        + "where f.last_position < excluded.last_position")
                .write(jdbc, flows.entrySet().stream().map(e -> new Object[]{e.getKey().accountId(),
                        e.getKey().asset(), e.getValue().kind, e.getKey().month(), e.getValue().inflows,
                        e.getValue().outflows, e.getValue().lastPosition}).toList());
    }
}
