package dev.finflow.events.upcasting;

import dev.finflow.events.market.SplitRecordedEvent;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/** Every upcaster of the shared events, in the order they apply; each service registers this one chain. */
public final class LedgerUpcasters {

    private LedgerUpcasters() {
    }

    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(new TransactionReversedEvent1To2Upcaster(),
                new RevisionOnlyUpcaster(SplitRecordedEvent.class, "1", "2"),
                new RevisionOnlyUpcaster(SplitRecordedEvent.class, "2", "3"));
    }
}
