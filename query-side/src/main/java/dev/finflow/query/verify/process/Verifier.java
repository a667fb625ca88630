package dev.finflow.query.verify.process;

import dev.finflow.query.verify.domain.Fact;
import dev.finflow.query.verify.domain.MarketChecks;
import dev.finflow.query.verify.domain.LedgerChecks;
import dev.finflow.query.verify.domain.Check;
import dev.finflow.query.verify.domain.Verification;
import dev.finflow.runtime.projection.ProjectionCatalog;
import dev.finflow.runtime.projection.TableSet;
import dev.finflow.runtime.store.TokenPositions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reconciles a projection with the store. The projection's position, its tables and the store are read in one
 * repeatable-read snapshot: the tables hold exactly what the stored tokens say is applied, so it works under live
 * load. Each {@link Check} folds the store up to that position in plain SQL and compares it, fact by fact, with
 * the tables; a fact of the tables that includes a later event (a sum whose last event is above the position) is
 * not compared.
 */
@Component
public class Verifier {

    private static final Map<String, List<Check>> CHECKS = Map.of(
            "access", LedgerChecks.ACCESS,
            "audit", LedgerChecks.AUDIT,
            "holdings", LedgerChecks.HOLDINGS,
            "monthly-balances", LedgerChecks.MONTHLY_BALANCES,
            "transactions", LedgerChecks.TRANSACTIONS,
            "bars", MarketChecks.BARS,
            "quality", MarketChecks.QUALITY,
            "ingestion-runs", MarketChecks.INGESTION_RUNS);
    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final RowMapper<Fact> FACT = (rs, i) -> {
        long source = rs.getLong(5);
        return new Fact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                rs.wasNull() ? null : source);
    };

    private final JdbcTemplate jdbc;
    private final ProjectionCatalog catalog;
    private final TransactionTemplate snapshot;

    Verifier(JdbcTemplate jdbc, ProjectionCatalog catalog, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        snapshot.setTimeout(120);
    }

    /** The verification of a projection, or empty when there is no projection of that name. */
    public Optional<Verification> verify(String projection) {
        if (catalog.projection(projection).isEmpty()) {
            return Optional.empty();
        }
        List<Check> checks = CHECKS.get(projection);
        if (checks == null) {
            throw new IllegalStateException("verify has no checks for projection " + projection);
        }
        return Optional.ofNullable(snapshot.execute(status -> verify(catalog.tables(projection), checks)));
    }

    private Verification verify(TableSet tables, List<Check> checks) {
        long started = System.nanoTime();
        long position = TokenPositions.appliedThrough(jdbc.queryForList("select token from query.token_entry"
                + " where processor_name = ?", String.class, tables.processorName()));
        List<String> deadLettered = DeadLetters.eventIds(jdbc, tables.processorName());
        String excluded = String.join(",", deadLettered);
        List<Compared> differences = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int facts = 0;
        for (Check check : checks) {
            Map<String, Fact> expected = byId(jdbc.query(check.storeSql(), FACT, position, excluded));
            Map<String, Fact> found = byId(jdbc.query(check.found().apply(tables), FACT));
            found.values().stream().filter(fact -> fact.position() > position).map(Fact::id).toList()
                    .forEach(later -> {
                        found.remove(later);
                        expected.remove(later);
                    });
            Set<String> ids = new HashSet<>(expected.keySet());
            ids.addAll(found.keySet());
            for (String id : ids) {
                Fact store = expected.get(id);
                Fact table = found.get(id);
                keys.add((store != null ? store : table).key());
                if (store == null || table == null || !store.value().equals(table.value())) {
                    differences.add(new Compared(check.name(), store, table));
                }
            }
            facts += ids.size();
        }
        Long events = jdbc.queryForObject("select count(*) from events.domain_event_entry where global_index <= ?",
                Long.class, position);
        return new Verification(tables.projection(), tables.version(), position,
                new Verification.Checked(events == null ? 0 : events, keys.size(), facts,
                        (System.nanoTime() - started) / 1_000_000),
                named(differences), deadLettered);
    }

    private static Map<String, Fact> byId(List<Fact> facts) {
        Map<String, Fact> byId = new LinkedHashMap<>();
        facts.forEach(fact -> byId.put(fact.id(), fact));
        return byId;
    }

    /** The differences in order, each with the ids of the events its facts come from. */
    private List<Verification.Difference> named(List<Compared> differences) {
        Set<Long> sources = new HashSet<>();
        differences.forEach(d -> d.sources().forEach(sources::add));
        Map<Long, String> eventIds = new HashMap<>();
        if (!sources.isEmpty()) {
            jdbc.query("select global_index, event_identifier from events.domain_event_entry"
                            + " where global_index = any(string_to_array(?, ',')::bigint[])",
                    rs -> {
                        eventIds.put(rs.getLong(1), rs.getString(2));
                    }, sources.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        return differences.stream().map(d -> d.named(eventIds))
                .sorted(Comparator.comparing(Verification.Difference::key, NULLS_FIRST)
                        .thenComparing(Verification.Difference::check)
                        .thenComparing(Verification.Difference::item, NULLS_FIRST))
                .toList();
    }

    /** One disagreement before its events are named: the store's fact, the tables' fact, either may be null. */
    private record Compared(String check, Fact store, Fact table) {

        List<Long> sources() {
            List<Long> sources = new ArrayList<>();
            for (Fact fact : new Fact[]{store, table}) {
                if (fact != null && fact.source() != null && !sources.contains(fact.source())) {
                    sources.add(fact.source());
                }
            }
            return sources;
        }

        Verification.Difference named(Map<Long, String> eventIds) {
            Fact any = store != null ? store : table;
            String problem = store == null ? "unexpected" : table == null ? "missing" : "differs";
            return new Verification.Difference(any.key(), check, any.item(), problem,
                    store == null ? null : store.value(), table == null ? null : table.value(),
                    sources().stream().map(eventIds::get).filter(id -> id != null).toList());
        }
    }
}
