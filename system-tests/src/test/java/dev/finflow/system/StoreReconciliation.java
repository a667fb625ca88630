package dev.finflow.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ledger read models compared with the event store by plain SQL over the stored JSON (not the projections'
 * code): every stored event audited, every ledger transaction listed, every cash and security leg moved in
 * holdings and entered in monthly balances, and each holding's current quantity equal to the sum of its legs.
 * Answers one line per difference.
 */
final class StoreReconciliation {

    private static final String LEGS = "with legs as (select e.global_index, l.ord - 1 as leg, "
            + "e.payload::jsonb->>'accountId' as account_id, l.value->>'asset' as asset, "
            + "(l.value->>'quantity')::numeric as quantity from events.domain_event_entry e cross join lateral "
            + "jsonb_array_elements(e.payload::jsonb->'legs') with ordinality as l(value, ord) "
            + "where e.payload::jsonb ? 'legs' and l.value->>'type' in ('CASH', 'SECURITY')) ";

    private StoreReconciliation() {
    }

    /** {@code versions}: the active version of each projection, by name. */
    static List<String> differences(String jdbcUrl, String user, String password, Map<String, Integer> versions)
            throws SQLException {
        String audit = "query.audit_event_v" + versions.get("audit");
        String transactions = "query.account_transaction_v" + versions.get("transactions");
        String movements = "query.holding_movement_v" + versions.get("holdings");
        String keys = "query.holding_key_v" + versions.get("holdings");
        String history = "query.holding_history_v" + versions.get("holdings");
        String entries = "query.monthly_entry_v" + versions.get("monthly-balances");
        List<String> queries = List.of(
                "select 'audit misses ' || global_index from (select global_index from events.domain_event_entry "
                        + "except select position from " + audit + ") d",
                "select 'audit has extra ' || position from (select position from " + audit
                        + " except select global_index from events.domain_event_entry) d",
                "select 'transactions miss ' || global_index || ' of ' || account_id from (select global_index, "
                        + "payload::jsonb->>'accountId' as account_id from events.domain_event_entry where "
                        + "payload::jsonb ? 'legs' except select position, account_id from " + transactions + ") d",
                "select 'transactions have extra ' || position from (select position from " + transactions
                        + " except select global_index from events.domain_event_entry where payload::jsonb ? 'legs') d",
                LEGS + "select 'holdings miss leg ' || global_index || '/' || leg from (select global_index, leg, "
                        + "account_id, asset, quantity from legs except select position, leg, account_id, asset, "
                        + "quantity from " + movements + ") d",
                LEGS + "select 'monthly balances miss leg ' || global_index || '/' || leg from (select "
                        + "global_index, leg, account_id, asset, quantity from legs except select position, leg, "
                        + "account_id, asset, quantity from " + entries + ") d",
                LEGS + "select 'holding ' || s.account_id || ' ' || s.asset || ' is ' || coalesce(h.quantity::text, "
                        + "'missing') || ', the store says ' || s.total from (select account_id, asset, "
                        + "sum(quantity) as total from legs group by account_id, asset) s left join " + keys
                        + " k on k.account_id = s.account_id and k.asset = s.asset left join " + history
                        + " h on h.account_id = k.account_id and h.asset = k.asset and h.effective_date = "
                        + "k.last_date where h.quantity is distinct from s.total");
        List<String> differences = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            for (String query : queries) {
                try (ResultSet rows = statement.executeQuery(query)) {
                    while (rows.next()) {
                        differences.add(rows.getString(1));
                    }
                }
            }
        }
        return differences;
    }
}
