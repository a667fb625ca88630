package dev.finflow.query.holdings.projection;

import dev.finflow.query.holdings.domain.Movement;
import dev.finflow.events.ledger.AccountOpenedEvent;
import dev.finflow.events.ledger.Leg;
import dev.finflow.events.ledger.LedgerTransactionEvent;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.ledger.TransactionReversedEvent;
import dev.finflow.events.market.SplitRecordedEvent;
import dev.finflow.runtime.projection.ProjectedEvent;
import dev.finflow.runtime.projection.Projection;
import dev.finflow.runtime.projection.TableSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holdings and cash balances per (account, asset), with a history row per effective date so that "as of" any
 * date is one indexed lookup per asset. Events usually arrive in effective-date order and extend the history in
 * memory; a backdated transaction or a split recomputes that holding's history from its date (see
 * {@link HoldingTimeline}). Splits concern every account holding the symbol, so this projection reads all events
 * in one global order (one segment).
 */
@Component
public class HoldingsProjection implements Projection {

    public static final String NAME = "holdings";
    /** A batch of at least this many keys (a catch-up's chunk) remembers their states for the next one. */
    static final int REMEMBERED_FROM = 1_000;

    private final int rememberedFrom;
    /** Per version (its key table), what its last large batch left: see {@link RememberedKeys}. */
    private final Map<String, RememberedKeys> remembered = new ConcurrentHashMap<>();

    public HoldingsProjection() {
        this(REMEMBERED_FROM);
    }

    HoldingsProjection(int rememberedFrom) {
        this.rememberedFrom = rememberedFrom;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return HoldingTables.ALL;
    }

    @Override
    public boolean needsGlobalOrder() {
        return true;
    }

    @Override
    public boolean handles(Class<?> payloadType) {
        return AccountOpenedEvent.class.isAssignableFrom(payloadType)
                || LedgerTransactionEvent.class.isAssignableFrom(payloadType)
                || SplitRecordedEvent.class.isAssignableFrom(payloadType);
    }

    @Override
    public void apply(List<ProjectedEvent> events, TableSet tables, JdbcTemplate jdbc) {
        HoldingTables db = new HoldingTables(jdbc, tables);
        List<Object[]> accounts = new ArrayList<>();
        List<Object> ordered = new ArrayList<>();
        List<HoldingTables.Split> splits = new ArrayList<>();
        Set<Movement.Key> keys = new HashSet<>();
        for (ProjectedEvent event : events) {
            if (event.payload() instanceof AccountOpenedEvent opened) {
                accounts.add(new Object[]{opened.accountId().value(), opened.currency().getCurrencyCode(),
                        opened.openedOn() == null ? null : Date.valueOf(opened.openedOn()), event.position()});
            } else if (event.payload() instanceof LedgerTransactionEvent transaction) {
                for (Movement movement : movements(event, transaction)) {
                    ordered.add(movement);
                    keys.add(movement.key());
                }
            } else if (event.payload() instanceof SplitRecordedEvent split) {
                HoldingTables.Split recorded = new HoldingTables.Split(event.position(), split.symbol().value(),
                        split.effectiveDate(), split.numerator(), split.denominator(), event.eventId(),
                        event.recordedAt(), event.principal());
                ordered.add(recorded);
                splits.add(recorded);
                db.accountsHolding(recorded.symbol())
                        .forEach(account -> keys.add(new Movement.Key(account, recorded.symbol())));
            }
        }
        if (!accounts.isEmpty()) {
            db.insertAccounts(accounts);
        }
        // Taken out while this batch runs: another thread applying to the version meanwhile reads every key.
        RememberedKeys known = remembered.remove(tables.name(HoldingTables.KEYS));
        if (ordered.isEmpty()) {
            if (known != null) {
                remembered.put(tables.name(HoldingTables.KEYS), known); // no key written: still the same
            }
            return;
        }
        boolean large = keys.size() >= rememberedFrom;
        Map<Movement.Key, HoldingTables.KeyState> states;
        if (large) {
            db.lockKeys();
            if (known != null && !known.fingerprint().equals(db.keysFingerprint())) {
                known = null; // written since by someone else, or rolled back: read them all again
            }
            states = known != null ? known.load(keys, db) : db.load(keys);
        } else {
            states = db.load(keys);
        }
        Set<String> symbols = new HashSet<>();
        for (Object item : ordered) {
            if (item instanceof Movement movement && movement.kind() == Movement.Kind.SECURITY) {
                symbols.add(movement.asset());
            } else if (item instanceof HoldingTables.Split split) {
                symbols.add(split.symbol());
            }
        }
        HoldingTimeline timeline = new HoldingTimeline(db, states, symbols);
        for (Object item : ordered) {
            // Splits and movements interleave in the order they were recorded.
            if (item instanceof Movement movement) {
                timeline.move(movement);
            } else {
                timeline.split((HoldingTables.Split) item);
            }
        }
        if (!splits.isEmpty()) {
            db.insertSplits(splits);
        }
        timeline.write();
        if (large) {
            RememberedKeys after = RememberedKeys.after(known, states, timeline.recomputed(), db.keysFingerprint());
            if (after != null) {
                remembered.put(tables.name(HoldingTables.KEYS), after);
            }
        }
    }

    /** What the last large batch of {@code tables} left to remember (null: nothing). */
    RememberedKeys remembered(TableSet tables) {
        return remembered.get(tables.name(HoldingTables.KEYS));
    }

    private static List<Movement> movements(ProjectedEvent event, LedgerTransactionEvent transaction) {
        String reverses = transaction instanceof TransactionReversedEvent reversal
                ? reversal.reversedTransactionId().value() : null;
        List<Movement> moved = new ArrayList<>();
        List<Leg> legs = transaction.legs();
        for (int i = 0; i < legs.size(); i++) {
            Leg leg = legs.get(i);
            if (leg.type() != LegType.CASH && leg.type() != LegType.SECURITY) {
                continue;
            }
            moved.add(new Movement(event.position(), i, transaction.accountId().value(), leg.asset(),
                    leg.type() == LegType.CASH ? Movement.Kind.CASH : Movement.Kind.SECURITY,
                    transaction.effectiveDate(), leg.quantity(), leg.amount(), transaction.transactionId().value(),
                    reverses, event.eventId(), event.type(), event.recordedAt(), event.principal()));
        }
        return moved;
    }
}
