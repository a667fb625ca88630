package dev.finflow.query.valuations.web;

import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.ledger.TradeSide;
import dev.finflow.events.market.Finding;
import dev.finflow.events.market.InstrumentType;
import dev.finflow.query.EventAppender;
import dev.finflow.query.LedgerScenario;
import dev.finflow.query.QuerySideTest;
import dev.finflow.query.market.MarketEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;

import static dev.finflow.query.LedgerScenario.cash;
import static dev.finflow.query.LedgerScenario.day;
import static dev.finflow.query.LedgerScenario.eur;
import static dev.finflow.query.LedgerScenario.id;
import static dev.finflow.query.LedgerScenario.leg;
import static dev.finflow.query.LedgerScenario.trade;
import static dev.finflow.query.LedgerScenario.tx;
import static dev.finflow.query.market.MarketEvents.accepted;
import static dev.finflow.query.market.MarketEvents.bar;
import static dev.finflow.query.market.MarketEvents.flagged;
import static dev.finflow.query.market.MarketEvents.rejected;

/**
 * A EUR account holding a USD stock (converted through the inverse EURUSD=X pair), a GBP stock (through the
 * direct GBPEUR=X pair) and a stock without prices; then that stock gets a price and splits.
 */
@QuerySideTest
class ValuationApiTest {

    @Autowired
    WebTestClient http;
    @Autowired
    EventAppender appender;

    @Test
    void valuesHoldingsAtTheLatestKeptCloseInTheAccountCurrencyAndSaysWhichHaveNoPrice() {
        LedgerScenario ledger = new LedgerScenario(appender);
        ledger.open("v-1", "alice");
        ledger.record("v-1", "d1", "alice", new CashDepositedEvent(id("v-1"), tx("d1"), eur("10000.00"), null,
                day("2024-02-01"), null, List.of(cash("10000.00"), leg(LegType.EXTERNAL, "EUR", "-10000.00"))));
        ledger.record("v-1", "b1", "alice", trade("v-1", "b1", TradeSide.BUY, "AAPL", "10", "150.10", "2024-02-01",
                "1501.00"));
        ledger.record("v-1", "b2", "alice", trade("v-1", "b2", TradeSide.BUY, "VOD", "1000", "0.80", "2024-02-01",
                "800.00"));
        ledger.record("v-1", "b3", "alice", trade("v-1", "b3", TradeSide.BUY, "MSFT", "2", "150", "2024-02-01",
                "300.00"));

        MarketEvents aapl = new MarketEvents(appender, "AAPL");
        aapl.register(InstrumentType.EQUITY, "USD", null);
        aapl.ingest(accepted(bar("2024-03-01", "179", "181", "178", "180.00", 1000)),
                flagged(bar("2024-03-04", "180", "182", "179", "181.00", 1000), new Finding("jump", "3 sigma")));
        aapl.quarantine(rejected("2024-03-05", "17500.00", new Finding("jump", "x100")));
        MarketEvents eurusd = new MarketEvents(appender, "EURUSD=X");
        eurusd.register(InstrumentType.FX_PAIR, "USD", "EUR");
        eurusd.ingest(accepted(bar("2024-03-04", "1.08", "1.09", "1.08", "1.0850", 0)),
                accepted(bar("2024-03-06", "1.09", "1.09", "1.09", "1.0900", 0)));
        MarketEvents vod = new MarketEvents(appender, "VOD");
        vod.register(InstrumentType.EQUITY, "GBP", null);
        vod.ingest(accepted(bar("2024-03-01", "0.70", "0.71", "0.69", "0.7000", 50000)));
        MarketEvents gbpeur = new MarketEvents(appender, "GBPEUR=X");
        gbpeur.register(InstrumentType.FX_PAIR, "EUR", "GBP");
        long prices = gbpeur.ingest(accepted(bar("2024-03-01", "1.17", "1.17", "1.17", "1.1700", 0)));

        // AAPL: 10 x 181.00 USD (the flagged close; the quarantined one of 03-05 is no price) / 1.0850 = 1668.20
        valuation("v-1", "2024-03-05", prices)
                .jsonPath("$.currency").isEqualTo("EUR")
                .jsonPath("$.holdings[?(@.asset == 'AAPL')].status").isEqualTo("PRICED")
                .jsonPath("$.holdings[?(@.asset == 'AAPL')].price").isEqualTo("181.00")
                .jsonPath("$.holdings[?(@.asset == 'AAPL')].priceDate").isEqualTo("2024-03-04")
                .jsonPath("$.holdings[?(@.asset == 'AAPL')].priceVerdict").isEqualTo("FLAGGED")
                .jsonPath("$.holdings[?(@.asset == 'AAPL')].fxPair").isEqualTo("EURUSD=X (inverse)")
                .jsonPath("$.holdings[?(@.asset == 'AAPL')].fxRate").isEqualTo("0.9216589862")
                .jsonPath("$.holdings[?(@.asset == 'AAPL')].marketValue").isEqualTo("1668.20")
                .jsonPath("$.holdings[?(@.asset == 'AAPL')].costBasis").isEqualTo("1501.00")
                .jsonPath("$.holdings[?(@.asset == 'AAPL')].unrealizedPl").isEqualTo("167.20")
                // VOD: 1000 x 0.7000 GBP x 1.1700 = 819.00
                .jsonPath("$.holdings[?(@.asset == 'VOD')].fxPair").isEqualTo("GBPEUR=X")
                .jsonPath("$.holdings[?(@.asset == 'VOD')].marketValue").isEqualTo("819.00")
                .jsonPath("$.holdings[?(@.asset == 'VOD')].unrealizedPl").isEqualTo("19.00")
                .jsonPath("$.holdings[?(@.asset == 'MSFT')].status").isEqualTo("NO_PRICE")
                .jsonPath("$.holdings[?(@.asset == 'MSFT' && @.marketValue == null)]").exists()
                .jsonPath("$.holdings[?(@.asset == 'EUR')].marketValue").isEqualTo("7399.00")
                .jsonPath("$.complete").isEqualTo(false)
                .jsonPath("$.unvalued[0]").isEqualTo("MSFT")
                .jsonPath("$.marketValue").isEmpty()
                .jsonPath("$.unrealizedPl").isEmpty()
                .jsonPath("$.pricedMarketValue").isEqualTo("9886.20")
                .jsonPath("$.pricedUnrealizedPl").isEqualTo("186.20");

        // on 03-01 AAPL has a close but no pair has a rate yet: it says so
        valuation("v-1", "2024-03-01", prices)
                .jsonPath("$.holdings[?(@.asset == 'AAPL')].status").isEqualTo("NO_FX_RATE")
                .jsonPath("$.holdings[?(@.asset == 'AAPL')].price").isEqualTo("180.00")
                .jsonPath("$.holdings[?(@.asset == 'VOD')].marketValue").isEqualTo("819.00");

        // MSFT gets a close, then splits 2-for-1 on 03-05: 4 shares at 400.00 / 2 USD, / 1.0850 = 737.33
        MarketEvents msft = new MarketEvents(appender, "MSFT");
        msft.register(InstrumentType.EQUITY, "USD", null);
        msft.ingest(accepted(bar("2024-03-04", "400", "401", "399", "400.00", 100)));
        long split = msft.split("2024-03-05", "2", "1");
        valuation("v-1", "2024-03-05", split)
                .jsonPath("$.holdings[?(@.asset == 'MSFT')].quantity").isEqualTo("4")
                .jsonPath("$.holdings[?(@.asset == 'MSFT')].price").isEqualTo("200.000000")
                .jsonPath("$.holdings[?(@.asset == 'MSFT')].marketValue").isEqualTo("737.33")
                .jsonPath("$.holdings[?(@.asset == 'MSFT')].unrealizedPl").isEqualTo("437.33")
                .jsonPath("$.complete").isEqualTo(true)
                .jsonPath("$.marketValue").isEqualTo("10623.53")
                .jsonPath("$.unrealizedPl").isEqualTo("623.53");
        // without asOf: the latest closes (EURUSD 1.0900 of 03-06): AAPL 10 x 181.00 / 1.09 = 1660.55
        valuation("v-1", null, split)
                .jsonPath("$.holdings[?(@.asset == 'AAPL')].marketValue").isEqualTo("1660.55");
    }

    @Test
    void refusesUnknownAccountsAndBadDates() {
        http.get().uri("/api/v1/accounts/nobody/valuation").exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$.type").isEqualTo("https://finflow.dev/problems/account-not-found");
        http.get().uri("/api/v1/accounts/v-1/valuation?asOf=2024-02-30").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://finflow.dev/problems/invalid-date");
    }

    private WebTestClient.BodyContentSpec valuation(String account, String asOf, long minPosition) {
        return http.get().uri("/api/v1/accounts/" + account + "/valuation?minPosition=" + minPosition
                        + (asOf == null ? "" : "&asOf=" + asOf)).exchange()
                .expectStatus().isOk().expectBody();
    }
}
