package dev.finflow.query.verify.domain;

/**
 * One row of a {@link Check}: a fact of one account, symbol or run, from the store or from a projection.
 *
 * @param position the last event the fact includes
 * @param source   the one event the fact comes from, or null for a sum over several
 */
public record Fact(String key, String item, String value, long position, Long source) {

    public String id() {
        return key + '\n' + item;
    }
}
