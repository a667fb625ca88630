package dev.finflow.command.ingestion.runs.process;

import dev.finflow.command.problems.CommandRule;
import dev.finflow.problems.RuleViolation;
import dev.finflow.command.ingestion.providers.Providers;
import dev.finflow.command.ingestion.runs.domain.RunRules;
import dev.finflow.command.ingestion.watchlists.WatchlistProperties;
import dev.finflow.command.ingestion.watchlists.Watchlists;
import dev.finflow.events.ingestion.RunTrigger;
import dev.finflow.events.ingestion.StartIngestionRunCommand;
import dev.finflow.events.values.Symbol;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a request for a run (from the API, a schedule, gap detection) into a checked start command: symbols
 * from the request or a watchlist, providers known and in order. What any run may ask for (run id, symbols, date
 * range) is the domain's {@link RunRules}; every refusal names its rule and field.
 */
@Component
public class RunPlanner {

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
                    new RuleViolation(CommandRule.UNKNOWN_WATCHLIST, "no watchlist '" + watchlistName
                            + "'", "watchlist"));
            names = names == null || names.isEmpty() ? watchlist.symbols() : names;
            order = order == null || order.isEmpty() ? watchlist.providers() : order;
        }
        String id = RunRules.runId(runId);
        List<Symbol> symbols = RunRules.symbols(names);
        RunRules.range(from, to);
        return new StartIngestionRunCommand(id, trigger, watchlistName, symbols, from, to, providers(order));
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
