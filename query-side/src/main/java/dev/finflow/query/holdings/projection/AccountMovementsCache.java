package dev.finflow.query.holdings.projection;

import dev.finflow.query.holdings.domain.Movement;
import dev.finflow.runtime.projection.TableSet;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The movements of the accounts read "as known at" lately, in memory (least recently read dropped first). An
 * entry stands for one state of the account's holdings, named by its token: every batch of the holdings projection
 * that writes a movement, a cost removed, a history row or a split of the account also writes its holding keys, so
 * the keys' row versions (PostgreSQL's {@code xmin}) change whenever anything an entry was read from does.
 */
@Component
class AccountMovementsCache {

    /** Movements kept at most (a few hundred bytes each): about 100 MB. */
    static final int CAPACITY = 250_000;

    private final DatabaseClient db;
    private final Map<String, AccountMovements> accounts = new LinkedHashMap<>(16, 0.75f, true);
    private int cached;

    AccountMovementsCache(DatabaseClient db) {
        this.db = db;
    }

    /** The SQL of the account's (bound as {@code :account}) token: a new one whenever its holdings change. */
    static String token(TableSet tables) {
        return "(select coalesce(string_agg(asset || ':' || xmin::text, ',' order by asset), '') from "
                + tables.name(HoldingTables.KEYS) + " where account_id = :account)";
    }

    /** The account's movements in the state named {@code token}: the cached ones, or read again. */
    Mono<AccountMovements> movements(TableSet tables, String accountId, String token) {
        String key = tables.name(HoldingTables.MOVEMENTS) + '/' + accountId;
        AccountMovements known = get(key);
        if (known != null && known.token.equals(token)) {
            return Mono.just(known);
        }
        return load(tables, accountId).doOnNext(movements -> put(key, movements));
    }

    /** The movements, the splits of the account's securities, and the token, all read in one statement. */
    private Mono<AccountMovements> load(TableSet tables, String accountId) {
        return db.sql("select t.token, m.* from " + token(tables) + " as t(token) left join (select false as split, "
                        + "position, leg, asset, kind, effective_date, quantity, amount, transaction_id, reverses, "
                        + "cost_removed, recorded_at, null::numeric as numerator, null::numeric as denominator from "
                        + tables.name(HoldingTables.MOVEMENTS) + " where account_id = :account union all select true, "
                        + "position, 0, symbol, 'SECURITY', effective_date, null, null, null, null, null, recorded_at, "
                        + "numerator, denominator from " + tables.name(HoldingTables.SPLITS) + " where symbol in "
                        + "(select asset from " + tables.name(HoldingTables.KEYS) + " where account_id = :account and "
                        + "kind = 'SECURITY')) m on true")
                .bind("account", accountId)
                .map(row -> {
                    Boolean split = row.get("split", Boolean.class);
                    Object item = split == null ? null : split ? new HoldingTables.Split(row.get("position",
                            Long.class), row.get("asset", String.class), row.get("effective_date", LocalDate.class),
                            row.get("numerator", BigDecimal.class), row.get("denominator", BigDecimal.class), null,
                            row.get("recorded_at", Instant.class), null)
                            : new AccountMovements.Leg(new Movement(row.get("position", Long.class),
                            row.get("leg", Integer.class), accountId, row.get("asset", String.class),
                            Movement.Kind.valueOf(row.get("kind", String.class)),
                            row.get("effective_date", LocalDate.class), row.get("quantity", BigDecimal.class),
                            row.get("amount", BigDecimal.class), row.get("transaction_id", String.class),
                            row.get("reverses", String.class), null, null, row.get("recorded_at", Instant.class),
                            null), row.get("cost_removed", BigDecimal.class));
                    return new Object[]{row.get("token", String.class), item};
                })
                .all().collectList()
                .map(rows -> {
                    List<AccountMovements.Leg> legs = new ArrayList<>();
                    List<HoldingTables.Split> splits = new ArrayList<>();
                    rows.forEach(row -> {
                        if (row[1] instanceof AccountMovements.Leg leg) {
                            legs.add(leg);
                        } else if (row[1] instanceof HoldingTables.Split split) {
                            splits.add(split);
                        }
                    });
                    return new AccountMovements((String) rows.get(0)[0], legs, splits);
                });
    }

    private synchronized AccountMovements get(String key) {
        return accounts.get(key);
    }

    private synchronized void put(String key, AccountMovements movements) {
        AccountMovements replaced = accounts.put(key, movements);
        cached += movements.size - (replaced == null ? 0 : replaced.size);
        Iterator<AccountMovements> eldest = accounts.values().iterator();
        while (cached > CAPACITY && accounts.size() > 1) {
            cached -= eldest.next().size;
            eldest.remove();
        }
    }
}
