package dev.finflow.command.ingestion.runs;

import dev.finflow.command.problems.CommandRule;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.RuleViolation;
import dev.finflow.command.api.Fields;
import dev.finflow.command.ingestion.providers.Providers;
import dev.finflow.command.ingestion.watchlists.WatchlistProperties;
import dev.finflow.command.ingestion.watchlists.Watchlists;
import dev.finflow.events.ingestion.RunTrigger;
import dev.finflow.events.ingestion.StartIngestionRunCommand;
import dev.finflow.events.values.Symbol;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns a request for a run (from the API, a schedule, gap detection) into a checked start command: symbols
 * from the request or a watchlist, providers known and in order, a date range that makes sense. Every refusal
 * names its rule and field.
 */
@Component
public class RunPlanner {

    static final int MAX_SYMBOLS = 500;
    static final int MAX_YEARS = 60;
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

    private final Providers providers;
    private final Watchlists watchlists;

    RunPlanner(Providers providers, Watchlists watchlists) {
        this.providers = providers;
        this.watchlists = watchlists;
    }

    public StartIngestionRunCommand plan(String runId, RunTrigger trigger, String watchlistName,
                                         List<String> symbolNames, LocalDate from, LocalDate to,
                                         List<String> providerNames) {
        List<String> names = symbolNames;
        List<String> order = providerNames;
        if (watchlistName != null) {
            WatchlistProperties.Watchlist watchlist = watchlists.find(watchlistName).orElseThrow(() ->
                    new RuleViolation(CommandRule.UNKNOWN_WATCHLIST, "no watchlist '" + watchlistName + "'", "watchlist"));
            names = names == null || names.isEmpty() ? watchlist.symbols() : names;
            order = order == null || order.isEmpty() ? watchlist.providers() : order;
        }
        return new StartIngestionRunCommand(runId(runId), trigger, watchlistName, symbols(names),
                Fields.required(from, "from"), range(from, Fields.required(to, "to")), providers(order));
    }

    private static String runId(String runId) {
        if (runId == null) {
            return UUID.randomUUID().toString();
        }
        if (!RUN_ID.matcher(runId).matches()) {
            throw new RuleViolation(RequestRule.INVALID_FIELD, "runId must be 1 to 100 of letters, digits and ._:- "
                    + "starting with a letter or digit", "runId");
        }
        return runId;
    }

    private static List<Symbol> symbols(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new RuleViolation(RequestRule.MISSING_FIELD, "symbols or a watchlist is required", "symbols");
        }
        if (names.size() > MAX_SYMBOLS) {
            throw new RuleViolation(RequestRule.INVALID_FIELD, "at most " + MAX_SYMBOLS + " symbols per run", "symbols");
        }
        Set<Symbol> symbols = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            symbols.add(Fields.symbol(names.get(i), "symbols[" + i + "]"));
        }
        return List.copyOf(symbols);
    }

    private static LocalDate range(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new RuleViolation(CommandRule.INVALID_DATE_RANGE, "from " + from + " is after to " + to, "from");
        }
        if (from.plusYears(MAX_YEARS).isBefore(to)) {
            throw new RuleViolation(CommandRule.INVALID_DATE_RANGE, "a run covers at most " + MAX_YEARS + " years", "from");
        }
        return to;
    }

    private List<String> providers(List<String> names) {
        List<String> order = names == null || names.isEmpty() ? providers.defaultOrder() : names;
        if (order.isEmpty()) {
            throw new RuleViolation(CommandRule.UNKNOWN_PROVIDER, "no provider is configured", "providers");
        }
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            String name = order.get(i);
            if (name == null || providers.find(name).isEmpty()) {
                throw new RuleViolation(CommandRule.UNKNOWN_PROVIDER, "no provider '" + name + "'; configured: "
                        + providers.names(), "providers[" + i + "]");
            }
            if (!checked.contains(name)) {
                checked.add(name);
            }
        }
        return List.copyOf(checked);
    }
}
