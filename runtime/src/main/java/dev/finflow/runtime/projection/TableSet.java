package dev.finflow.runtime.projection;

import java.util.List;

/**
 * The physical tables of one version of a projection: {@code query.<base>_v<version>}. Table names come only
 * from {@link Projection#tables()} (never from a request), which is what makes formatting them into SQL safe.
 */
public record TableSet(String projection, int version, List<String> bases) {

    public static final String SCHEMA = "query";

    /** The qualified name of a table of this version, e.g. {@code query.holding_history_v2}. */
    public String name(String base) {
        if (!bases.contains(base)) {
            throw new IllegalArgumentException(projection + " owns no table " + base);
        }
        return SCHEMA + "." + base + "_v" + version;
    }

    public String processorName() {
        return processorName(projection, version);
    }

    public static String processorName(String projection, int version) {
        return projection + "@v" + version;
    }
}
