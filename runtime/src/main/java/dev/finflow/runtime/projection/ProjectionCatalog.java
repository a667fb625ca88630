package dev.finflow.runtime.projection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which version of each projection readers see, and which one a rebuild is filling, as recorded in
 * {@code query.projection_version}. Every instance refreshes this view periodically, so a swap made by one
 * instance reaches all readers; the retired version's tables are dropped only after a grace period.
 */
public final class ProjectionCatalog {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Map<String, Projection> projections;
    private volatile Map<String, Versions> versions = Map.of();

    /** One row of {@code projection_version}. */
    public record Versions(String name, int active, Integer building, Instant rebuildStartedAt,
                           Long rebuildStartHead, Integer retired, boolean autoSwap) {
    }

    ProjectionCatalog(JdbcTemplate jdbc, TransactionTemplate transaction, List<Projection> projections) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.projections = projections.stream().collect(Collectors.toMap(Projection::name, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("two projections named " + a.name());
                }, ConcurrentHashMap::new));
    }

    public List<Projection> projections() {
        return projections.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    public Optional<Projection> projection(String name) {
        return Optional.ofNullable(projections.get(name));
    }

    /** The tables readers use for {@code projection} now. */
    public TableSet tables(String projection) {
        Versions row = versions.get(projection);
        if (row == null) {
            throw new IllegalStateException("projection " + projection + " is not initialised");
        }
        return tableSet(projection, row.active());
    }

    public Optional<Versions> versions(String projection) {
        return Optional.ofNullable(versions.get(projection));
    }

    TableSet tableSet(String projection, int version) {
        return new TableSet(projection, version, projections.get(projection).tables());
    }

    /** Creates the version row and the tables of a projection seen for the first time (idempotent). */
    void initialise() {
        locked(() -> {
            for (Projection projection : projections.values()) {
                jdbc.update("insert into query.projection_version (name, active_version) values (?, 1) "
                        + "on conflict (name) do nothing", projection.name());
            }
            refresh();
            for (Versions row : versions.values()) {
                createTables(tableSet(row.name(), row.active()));
                if (row.building() != null) {
                    createTables(tableSet(row.name(), row.building()));
                }
                dropUnnamedVersions(row);
            }
        });
    }

    /**
     * Drops the tables of versions that the row names neither active, building nor retired: nothing reads or
     * fills them. Before swaps dropped a version still in its grace (see {@link #swap}), a second swap within the
     * grace left the first retired version's tables behind for good ({@code holding_*_v1} after two quick rebuilds).
     */
    private void dropUnnamedVersions(Versions row) {
        Set<Integer> named = new HashSet<>(Arrays.asList(row.active(), row.building(), row.retired()));
        Set<Integer> unnamed = new TreeSet<>();
        for (String base : projections.get(row.name()).tables()) {
            jdbc.queryForList("select tablename from pg_tables where schemaname = ? and tablename ~ ?", String.class,
                    TableSet.SCHEMA, "^" + base + "_v[0-9]+$").forEach(table -> {
                        int version = Integer.parseInt(table.substring(base.length() + 2));
                        if (!named.contains(version)) {
                            unnamed.add(version);
                        }
                    });
        }
        unnamed.forEach(version -> dropTables(tableSet(row.name(), version)));
    }

    void refresh() {
        versions = jdbc.query("select name, active_version, building_version, rebuild_started_at, "
                        + "rebuild_start_head, retired_version, swap_mode from query.projection_version",
                        (rs, i) -> new Versions(rs.getString(1), rs.getInt(2), (Integer) rs.getObject(3),
                                rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                                (Long) rs.getObject(5), (Integer) rs.getObject(6), !"MANUAL".equals(rs.getString(7))))
                .stream().filter(row -> projections.containsKey(row.name()))
                .collect(Collectors.toUnmodifiableMap(Versions::name, Function.identity()));
    }

    /** Starts filling a fresh version beside the active one; answers the version being built. */
    int startRebuild(String projection, long head, boolean autoSwap) {
        int[] building = new int[1];
        locked(() -> {
            Versions row = jdbc.queryForObject("select name, active_version, building_version from "
                    + "query.projection_version where name = ? for update", (rs, i) -> new Versions(rs.getString(1),
                    rs.getInt(2), (Integer) rs.getObject(3), null, null, null, true), projection);
            if (row.building() != null) {
                building[0] = row.building();
                return;
            }
            int next = row.active() + 1;
            TableSet tables = tableSet(projection, next);
            dropTables(tables);
            createTables(tables);
            dropIndexesBuiltLast(tables, projections.get(projection).indexesBuiltLast());
            jdbc.update("update query.projection_version set building_version = ?, rebuild_started_at = now(), "
                    + "rebuild_start_head = ?, swap_mode = ? where name = ?", next, head, autoSwap ? "AUTO" : "MANUAL",
                    projection);
            building[0] = next;
        });
        refresh();
        return building[0];
    }

    /**
     * Makes the rebuilt version the one readers see, in one update; the old one is retired. The row remembers one
     * retired version: one retired earlier and still in its grace is dropped now, else its tables would stay for
     * good. Only a read that began before the earlier swap and outlasted the whole rebuild since can notice.
     */
    boolean swap(String projection, int building) {
        int[] swapped = new int[1];
        locked(() -> {
            List<Integer> retired = jdbc.queryForList("select retired_version from query.projection_version where "
                    + "name = ? and building_version = ? and retired_version is not null for update", Integer.class,
                    projection, building);
            if (!retired.isEmpty()) {
                dropTables(tableSet(projection, retired.get(0)));
            }
            swapped[0] = jdbc.update("update query.projection_version set retired_version = active_version, "
                    + "retired_at = now(), active_version = building_version, building_version = null, "
                    + "rebuild_started_at = null, rebuild_start_head = null, swap_mode = null where name = ? and "
                    + "building_version = ?", projection, building);
        });
        refresh();
        return swapped[0] == 1;
    }

    /** Drops versions retired longer ago than the grace period, once no reader can still be using them. */
    void dropRetired(int graceSeconds) {
        for (Versions row : versions.values()) {
            if (row.retired() == null) {
                continue;
            }
            locked(() -> {
                int claimed = jdbc.update("update query.projection_version set retired_version = null, "
                        + "retired_at = null where name = ? and retired_version = ? and retired_at < now() - "
                        + "make_interval(secs => ?)", row.name(), row.retired(), graceSeconds);
                if (claimed == 1) {
                    dropTables(tableSet(row.name(), row.retired()));
                }
            });
        }
        refresh();
    }

    private void createTables(TableSet tables) {
        for (String base : tables.bases()) {
            jdbc.execute("create table if not exists " + tables.name(base) + " (like " + TableSet.SCHEMA + "."
                    + base + "_template including all)");
        }
    }

    /**
     * A version being rebuilt is filled without the indexes its projection builds last (see
     * {@link Projection#indexesBuiltLast()}): the audit table, five of them, 200,000 rows: 15.3 s with them,
     * 2.6 s + 5.2 s without and then built.
     */
    private void dropIndexesBuiltLast(TableSet tables, List<String> templateIndexes) {
        for (String base : tables.bases()) {
            List<String> deferred = indexDefinitions(base + "_template").stream()
                    .filter(definition -> templateIndexes.contains(indexName(definition)))
                    .map(ProjectionCatalog::withoutNames).toList();
            for (String definition : indexDefinitions(tables.name(base).substring(TableSet.SCHEMA.length() + 1))) {
                if (deferred.contains(withoutNames(definition))) {
                    jdbc.execute("drop index " + TableSet.SCHEMA + ".\"" + indexName(definition) + "\"");
                }
            }
        }
    }

    /** Creates the indexes of the template that a version's tables lack (after a rebuild filled them). */
    void completeIndexes(TableSet tables) {
        missingIndexes(tables).forEach(jdbc::execute);
    }

    /** Whether a version's tables have every index of their template: only then may readers use them. */
    boolean indexesComplete(TableSet tables) {
        return missingIndexes(tables).isEmpty();
    }

    private List<String> missingIndexes(TableSet tables) {
        List<String> missing = new ArrayList<>();
        for (String base : tables.bases()) {
            List<String> present = indexDefinitions(tables.name(base).substring(TableSet.SCHEMA.length() + 1))
                    .stream().map(ProjectionCatalog::withoutNames).toList();
            for (String definition : indexDefinitions(base + "_template")) {
                if (!present.contains(withoutNames(definition))) {
                    missing.add(definition.replaceFirst(" INDEX \\S+ ON \\S+ ", " INDEX \"" + indexName(definition)
                            + "_v" + tables.version() + "\" ON " + tables.name(base) + " "));
                }
            }
        }
        return missing;
    }

    private List<String> indexDefinitions(String table) {
        return jdbc.queryForList("select indexdef from pg_indexes where schemaname = ? and tablename = ?",
                String.class, TableSet.SCHEMA, table);
    }

    private static String indexName(String definition) {
        return definition.replaceFirst("^CREATE (UNIQUE )?INDEX (\\S+) ON .*", "$2");
    }

    private static String withoutNames(String definition) {
        return definition.replaceFirst(" INDEX \\S+ ON \\S+ ", " INDEX ON ");
    }

    private void dropTables(TableSet tables) {
        for (String base : tables.bases()) {
            jdbc.execute("drop table if exists " + tables.name(base));
        }
        jdbc.update("delete from query.token_entry where processor_name = ?", tables.processorName());
        jdbc.update("delete from query.dead_letter_entry where processing_group = ?", tables.processorName());
    }

    /** DDL of several instances at once would collide in PostgreSQL's catalog: one at a time. */
    private void locked(Runnable work) {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("select pg_advisory_xact_lock(hashtext('finflow.query.projection_version'))");
            work.run();
        });
    }
}
