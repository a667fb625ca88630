package dev.finflow.command.ingestion.runs.domain;

import dev.finflow.command.problems.CommandRule;
import dev.finflow.events.values.Symbol;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.RuleViolation;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a run may ask for, whoever asks (the API, a schedule, gap backfill): a well-formed run id, 1 to 500
 * symbols, a date range of at most 60 years. Every refusal names its rule and field. Kept here rather than in
 * the web layer's field parser, because the scheduled jobs start runs without a request.
 */
public final class RunRules {

    static final int MAX_SYMBOLS = 500;
    static final int MAX_YEARS = 60;
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

    private RunRules() {
    }

    /** The run id asked for, or a new random one when none is given. */
    public static String runId(String runId) {
        if (runId == null) {
            return UUID.randomUUID().toString();
        }
        if (!RUN_ID.matcher(runId).matches()) {
            throw new RuleViolation(RequestRule.INVALID_FIELD, "runId must be 1 to 100 of letters, digits and ._:- "
                    + "starting with a letter or digit", "runId");
        }
        return runId;
    }

    /** The symbols named, each once, in the order first named. */
    public static List<Symbol> symbols(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new RuleViolation(RequestRule.MISSING_FIELD, "symbols or a watchlist is required", "symbols");
        }
        if (names.size() > MAX_SYMBOLS) {
            throw new RuleViolation(RequestRule.INVALID_FIELD, "at most " + MAX_SYMBOLS
                    + " symbols per run", "symbols");
        }
        Set<Symbol> symbols = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            symbols.add(symbol(names.get(i), "symbols[" + i + "]"));
        }
        return List.copyOf(symbols);
    }

    /** Checks that both dates are given and {@code from}..{@code to} is a range a run may cover. */
    public static void range(LocalDate from, LocalDate to) {
        required(from, "from");
        required(to, "to");
        if (from.isAfter(to)) {
            throw new RuleViolation(CommandRule.INVALID_DATE_RANGE, "from " + from + " is after to " + to, "from");
        }
        if (from.plusYears(MAX_YEARS).isBefore(to)) {
            throw new RuleViolation(CommandRule.INVALID_DATE_RANGE, "a run covers at most " + MAX_YEARS
                    + " years", "from");
        }
    }

    private static Symbol symbol(String name, String field) {
        required(name, field);
        try {
            return new Symbol(name);
        } catch (IllegalArgumentException invalid) {
            throw new RuleViolation(RequestRule.INVALID_FIELD, field + ": " + invalid.getMessage(), field);
        }
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw new RuleViolation(RequestRule.MISSING_FIELD, field + " is required", field);
        }
    }
}
