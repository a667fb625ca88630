package dev.finflow.runtime.projection;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.Map;

/** An md5 over every row of every table of one projection version, in a stable order: equal sums, equal rows. */
public final class TableChecksums {

    private TableChecksums() {
    }

    public static Map<String, String> of(JdbcTemplate jdbc, TableSet tables) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String base : tables.bases()) {
            sums.put(base, jdbc.queryForObject("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' "
                    + "order by t::text)), '') from " + tables.name(base) + " t", String.class));
        }
        return sums;
    }
}
