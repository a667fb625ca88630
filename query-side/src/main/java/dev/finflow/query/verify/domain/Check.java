package dev.finflow.query.verify.domain;

import dev.finflow.runtime.projection.TableSet;

import java.util.function.Function;

/**
 * One kind of fact a projection keeps, stated twice: as the store says it ({@link #store}, plain SQL over
 * {@code events.domain_event_entry}, never the projection's code) and as the projection's tables hold it
 * ({@link #found}). Both queries answer rows of (key, item, value, position, source): the key is the account,
 * symbol or run, the item names one fact of it, the value is what must be equal, the position is the last event
 * the fact includes and the source the one event it comes from (null for a sum over several).
 *
 * @param types the simple type names of the events the check reads (SQL list), or null for every event
 * @param store SQL over those events (the alias {@code e}: g global index, id event id, agg aggregate id,
 *              t simple payload type, p payload as jsonb), up to the verified position
 * @param found SQL over the projection's tables; a row whose position is above the verified one is left out
 */
public record Check(String name, String types, String store, Function<TableSet, String> found) {

    /** A list of simple type names as SQL, for {@link #types}. */
    static String types(String... simpleNames) {
        return "'" + String.join("', '", simpleNames) + "'";
    }

    /**
     * The store's query with its two parameters: the verified position and the dead-lettered event ids (comma
     * separated; those events are left out of the fold). A NUL escape becomes a space, since jsonb refuses it.
     */
    public String storeSql() {
        return "with e as (select global_index g, event_identifier id, aggregate_identifier agg,"
                + " substring(payload_type from '[^.]*$') t, replace(payload, '\\u0000', '\\u0020')::jsonb p"
                + " from events.domain_event_entry where global_index <= ?"
                + " and event_identifier <> all(string_to_array(?, ','))"
                + (types == null ? "" : " and substring(payload_type from '[^.]*$') in (" + types + ")")
                + ") " + store;
    }
}
