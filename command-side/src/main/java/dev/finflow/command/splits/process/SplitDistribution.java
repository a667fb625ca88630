package dev.finflow.command.splits.process;

import dev.finflow.runtime.dispatch.CommandDispatcher;
import dev.finflow.events.MetadataKeys;
import dev.finflow.events.ledger.ApplySplitCommand;
import dev.finflow.events.ledger.TradeRecordedEvent;
import dev.finflow.events.ledger.TradeSide;
import dev.finflow.events.market.SplitRecordedEvent;
import dev.finflow.events.values.AccountId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Brings every split recorded on an instrument into the accounts that hold the symbol, so that each account
 * decides sales in the share basis of the trade date: a split reaches every account that has bought the symbol,
 * and an account that buys a symbol (even backdated, before a split already known) learns its splits. Accounts
 * answer a split they know as already done, so redelivery is harmless. One segment: the process sees splits and
 * trades in the order they were stored.
 */
@Component
@ProcessingGroup(SplitDistribution.NAME)
public class SplitDistribution {

    public static final String NAME = "split-distribution";
    /** Splits are facts for every holder: the process acts on them, not on the operator's grants. */
    private static final MetaData ACTING = MetaData.with(MetadataKeys.ACTOR, "command-side/" + NAME);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Past this many remembered deliveries the memory is dropped (and deliveries are asked again, harmlessly). */
    private static final int MAX_REMEMBERED = 100_000;

    private final CommandDispatcher dispatcher;
    private final StoredSplits stored;
    private final Set<String> delivered = new HashSet<>();

    SplitDistribution(CommandDispatcher dispatcher, StoredSplits stored) {
        this.dispatcher = dispatcher;
        this.stored = stored;
    }

    @EventHandler
    void on(SplitRecordedEvent split) {
        stored.remember(split);
        for (AccountId holder : stored.holders(split.symbol())) {
            deliver(holder, split);
        }
    }

    @EventHandler
    void on(TradeRecordedEvent trade) {
        if (trade.side() != TradeSide.BUY) {
            return;
        }
        for (SplitRecordedEvent split : stored.splits(trade.symbol())) {
            deliver(trade.accountId(), split);
        }
    }

    private void deliver(AccountId account, SplitRecordedEvent split) {
        String key = account.value() + '|' + split.symbol().value() + '|' + split.effectiveDate();
        if (delivered.contains(key)) {
            return;
        }
        dispatcher.send(new ApplySplitCommand(account, split.symbol(), split.effectiveDate(), split.numerator(),
                split.denominator(), split.cashInLieuPrice(), split.cashInLieuFxRates()), ACTING).block(TIMEOUT);
        if (delivered.size() >= MAX_REMEMBERED) {
            delivered.clear();
        }
        delivered.add(key);
    }
}
