package dev.finflow.query.verify.process;

import dev.finflow.query.verify.domain.Verification;
import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.ledger.TradeSide;
import dev.finflow.events.ledger.TransferReceivedEvent;
import dev.finflow.events.ledger.TransferSentEvent;
import dev.finflow.query.EventAppender;
import dev.finflow.query.LedgerScenario;
import dev.finflow.query.QuerySideTest;
import dev.finflow.runtime.projection.Projection;
import dev.finflow.runtime.projection.ProjectionCatalog;
import dev.finflow.runtime.store.TokenPositions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.finflow.query.LedgerScenario.cash;
import static dev.finflow.query.LedgerScenario.day;
import static dev.finflow.query.LedgerScenario.eur;
import static dev.finflow.query.LedgerScenario.id;
import static dev.finflow.query.LedgerScenario.leg;
import static dev.finflow.query.LedgerScenario.trade;
import static dev.finflow.query.LedgerScenario.tx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code verify} while events keep arriving and the projections apply them: it compares at the position it read
 * with the tables, so a projection that is right is never reported wrong for being behind. The number of events
 * is {@code -Dfinflow.verify.events} (600); the time of the final verify of each projection is printed.
 */
@QuerySideTest
class VerifyUnderLoadTest {

    private static final int EVENTS = Integer.getInteger("finflow.verify.events", 600);
    private static final int ACCOUNTS = 20;

    @Autowired
    EventAppender events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionCatalog catalog;
    @Autowired
    Verifier verifier;

    @Test
    void findsNoDifferenceWhileProjectionsCatchUpWithLiveWrites() throws Exception {
        LedgerScenario ledger = new LedgerScenario(events);
        for (int i = 0; i < ACCOUNTS; i++) {
            ledger.open("u-" + i, "alice");
        }
        CompletableFuture<Long> writer = CompletableFuture.supplyAsync(this::write);
        List<Verification> during = new ArrayList<>();
        while (!writer.isDone()) {
            for (String name : List.of("holdings", "monthly-balances", "transactions", "audit")) {
                during.add(verifier.verify(name).orElseThrow());
            }
        }
        long last = writer.get(10, TimeUnit.MINUTES);

        assertThat(during).isNotEmpty().allSatisfy(answer -> assertThat(answer.differences())
                .as("%s at %d", answer.projection(), answer.position()).isEmpty());
        EventAppender.await(() -> catalog.projections().stream().allMatch(p -> applied(p) >= last));
        for (Projection projection : catalog.projections()) {
            Verification answer = verifier.verify(projection.name()).orElseThrow();
            System.out.printf(Locale.ROOT, "verify %s: %d events, %d keys, %d facts, %d differences, %d ms%n",
                    answer.projection(), answer.checked().events(), answer.checked().keys(),
                    answer.checked().facts(), answer.differences().size(), answer.checked().millis());
            assertThat(answer.differences()).as(projection.name()).isEmpty();
            assertThat(answer.position()).isGreaterThanOrEqualTo(last);
        }
    }

    /** Deposits, trades and transfers over the accounts, straight after one another; answers the last position. */
    private long write() {
        SplittableRandom random = new SplittableRandom(7);
        long last = 0;
        for (int n = 0; n < EVENTS; n++) {
            String account = "u-" + random.nextInt(ACCOUNTS);
            String amount = random.nextInt(1, 900) + "." + random.nextInt(10, 100);
            String date = "2024-0" + random.nextInt(1, 10) + "-1" + random.nextInt(10);
            String id = "w-" + n;
            last = switch (random.nextInt(3)) {
                case 0 -> append(account, new CashDepositedEvent(id(account), tx(id), eur(amount), null, day(date),
                        null, List.of(cash(amount), leg(LegType.EXTERNAL, "EUR", "-" + amount))));
                case 1 -> append(account, trade(account, id, random.nextBoolean() ? TradeSide.BUY : TradeSide.SELL,
                        "AAPL", String.valueOf(random.nextInt(1, 5)), "100.00", date, amount));
                default -> {
                    String to = "u-" + random.nextInt(ACCOUNTS);
                    append(account, new TransferSentEvent(id(account), tx(id), id(to), eur(amount), null, day(date),
                            null, List.of(cash("-" + amount), leg(LegType.TRANSFER, to, amount))));
                    yield append(to, new TransferReceivedEvent(id(to), tx(id), id(account), eur(amount), null,
                            eur(amount), day(date), null, List.of(cash(amount), leg(LegType.TRANSFER, account,
                            "-" + amount))));
                }
            };
        }
        return last;
    }

    private long append(String account, Object payload) {
        return events.append("Account", account, payload, "alice", "load");
    }

    private long applied(Projection projection) {
        return TokenPositions.appliedThrough(jdbc.queryForList("select token from query.token_entry where "
                + "processor_name = ?", String.class, catalog.tables(projection.name()).processorName()));
    }
}
