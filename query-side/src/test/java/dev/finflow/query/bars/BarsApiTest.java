package dev.finflow.query.bars;

import dev.finflow.events.market.Finding;
import dev.finflow.events.market.InstrumentType;
import dev.finflow.events.market.Verdict;
import dev.finflow.query.EventAppender;
import dev.finflow.query.QuerySideTest;
import dev.finflow.query.market.MarketEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.finflow.query.market.MarketEvents.accepted;
import static dev.finflow.query.market.MarketEvents.bar;
import static dev.finflow.query.market.MarketEvents.flagged;
import static dev.finflow.query.market.MarketEvents.rejected;

/** Bars over HTTP: raw and adjusted prices as exact decimals, corrections, quarantine, paging and bad input. */
@QuerySideTest
class BarsApiTest {

    @Autowired
    WebTestClient http;
    @Autowired
    EventAppender appender;

    @Test
    void servesRawAndSplitAndDividendAdjustedPricesAndALateSplitReadjustsEarlierBars() {
        MarketEvents acme = new MarketEvents(appender, "ACME");
        acme.register(InstrumentType.EQUITY, "USD", null);
        acme.ingest(accepted(bar("2024-01-02", "98.00", "101.00", "97.00", "100.00", 1000)),
                accepted(bar("2024-01-03", "100.00", "103.00", "99.00", "102.00", 1200)),
                accepted(bar("2024-01-04", "51.00", "51.50", "50.50", "51.00", 2600)),
                flagged(bar("2024-01-05", "50.50", "51.20", "50.10", "50.80", 2500),
                        new Finding("jump", "close moved 4.1 sigma")));
        long dividend = acme.dividend("2024-01-05", "0.51", "USD");

        // dividend only: factor 1 - 0.51 / 51.00 = 0.99 before the ex date
        bars("ACME", "adjusted=true&minPosition=" + dividend)
                .jsonPath("$.adjusted").isEqualTo(true)
                .jsonPath("$.bars[0].close").isEqualTo("99.000000")
                .jsonPath("$.bars[0].factor").isEqualTo("0.99")
                .jsonPath("$.bars[2].close").isEqualTo("50.490000")
                .jsonPath("$.bars[3].close").isEqualTo("50.800000")
                .jsonPath("$.bars[0].volume").isEqualTo(1000);

        // the 2-for-1 split of 2024-01-04 arrives after the bars: earlier bars are re-adjusted
        long split = acme.split("2024-01-04", "2", "1");
        bars("ACME", "adjusted=true&minPosition=" + split)
                .jsonPath("$.bars[0].date").isEqualTo("2024-01-02")
                .jsonPath("$.bars[0].open").isEqualTo("48.510000")
                .jsonPath("$.bars[0].high").isEqualTo("49.995000")
                .jsonPath("$.bars[0].low").isEqualTo("48.015000")
                .jsonPath("$.bars[0].close").isEqualTo("49.500000")
                .jsonPath("$.bars[0].volume").isEqualTo(2000)
                .jsonPath("$.bars[0].factor").isEqualTo("0.495")
                .jsonPath("$.bars[1].close").isEqualTo("50.490000")
                .jsonPath("$.bars[1].volume").isEqualTo(2400)
                .jsonPath("$.bars[2].close").isEqualTo("50.490000")
                .jsonPath("$.bars[2].volume").isEqualTo(2600)
                .jsonPath("$.bars[3].close").isEqualTo("50.800000")
                .jsonPath("$.bars[3].verdict").isEqualTo("FLAGGED")
                .jsonPath("$.bars[3].findings[0].rule").isEqualTo("jump")
                .jsonPath("$.bars[3].findings[0].detail").isEqualTo("close moved 4.1 sigma");

        // the actions themselves, in date order whatever the order they were recorded in
        http.get().uri("/api/v1/instruments/ACME/actions").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].kind").isEqualTo("SPLIT")
                .jsonPath("$[0].date").isEqualTo("2024-01-04")
                .jsonPath("$[0].numerator").isEqualTo("2")
                .jsonPath("$[0].denominator").isEqualTo("1")
                .jsonPath("$[0].position").isEqualTo(split)
                .jsonPath("$[1].kind").isEqualTo("DIVIDEND")
                .jsonPath("$[1].date").isEqualTo("2024-01-05")
                .jsonPath("$[1].amount").isEqualTo("0.51")
                .jsonPath("$[1].currency").isEqualTo("USD")
                .jsonPath("$[1].numerator").doesNotExist();

        bars("ACME", "adjusted=false")
                .jsonPath("$.adjusted").isEqualTo(false)
                .jsonPath("$.bars[0].close").isEqualTo("100.00")
                .jsonPath("$.bars[0].volume").isEqualTo(1000)
                .jsonPath("$.bars[0].factor").isEqualTo("1")
                .jsonPath("$.bars[2].close").isEqualTo("51.00")
                .jsonPath("$.bars[0].verdict").isEqualTo("ACCEPTED")
                .jsonPath("$.bars[0].findings.length()").isEqualTo(0);
    }

    @Test
    void aCorrectionReplacesTheBarAndCountsARevision() {
        MarketEvents fix = new MarketEvents(appender, "FIXD");
        fix.register(InstrumentType.EQUITY, "EUR", null);
        fix.ingest(accepted(bar("2024-02-01", "10.00", "10.50", "9.90", "10.20", 500)));
        long corrected = fix.correct(bar("2024-02-01", "10.00", "10.50", "9.90", "10.20", 500),
                bar("2024-02-01", "10.00", "10.60", "9.90", "10.40", 520), Verdict.FLAGGED,
                new Finding("revision", "close revised from 10.20 to 10.40"));

        bars("FIXD", "minPosition=" + corrected)
                .jsonPath("$.bars.length()").isEqualTo(1)
                .jsonPath("$.bars[0].close").isEqualTo("10.40")
                .jsonPath("$.bars[0].high").isEqualTo("10.60")
                .jsonPath("$.bars[0].volume").isEqualTo(520)
                .jsonPath("$.bars[0].revision").isEqualTo(1)
                .jsonPath("$.bars[0].verdict").isEqualTo("FLAGGED")
                .jsonPath("$.bars[0].runId").isEqualTo("run-2")
                .jsonPath("$.bars[0].position").isEqualTo(corrected);
    }

    @Test
    void quarantinedBarsNeverBecomePrices() {
        MarketEvents bad = new MarketEvents(appender, "QRTN");
        bad.register(InstrumentType.EQUITY, "USD", null);
        bad.ingest(accepted(bar("2024-03-01", "5.00", "5.10", "4.90", "5.00", 100)));
        long quarantined = bad.quarantine(rejected("2024-03-04", "-5.00",
                new Finding("non-positive-price", "close -5.00 is not positive")));

        bars("QRTN", "minPosition=" + quarantined)
                .jsonPath("$.bars.length()").isEqualTo(1)
                .jsonPath("$.bars[0].date").isEqualTo("2024-03-01");
    }

    @Test
    void pagesByDateWithinARangeAndListsInstruments() {
        MarketEvents page = new MarketEvents(appender, "PAGE");
        page.register(InstrumentType.ETF, "USD", null);
        long last = page.ingest(accepted(bar("2024-04-01", "1", "1", "1", "1.01", 1)),
                accepted(bar("2024-04-02", "1", "1", "1", "1.02", 1)),
                accepted(bar("2024-04-03", "1", "1", "1", "1.03", 1)),
                accepted(bar("2024-04-04", "1", "1", "1", "1.04", 1)));

        bars("PAGE", "from=2024-04-02&to=2024-04-04&limit=2&minPosition=" + last)
                .jsonPath("$.bars[0].close").isEqualTo("1.02")
                .jsonPath("$.bars[1].close").isEqualTo("1.03")
                .jsonPath("$.nextCursor").isEqualTo("2024-04-03");
        bars("PAGE", "from=2024-04-02&to=2024-04-04&limit=2&cursor=2024-04-03")
                .jsonPath("$.bars.length()").isEqualTo(1)
                .jsonPath("$.bars[0].close").isEqualTo("1.04")
                .jsonPath("$.nextCursor").doesNotExist();
        bars("PAGE", "limit=10000")
                .jsonPath("$.bars.length()").isEqualTo(4)
                .jsonPath("$.nextCursor").doesNotExist();

        http.get().uri("/api/v1/instruments?minPosition=" + last).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.symbol == 'PAGE')].type").isEqualTo("ETF")
                .jsonPath("$[?(@.symbol == 'PAGE')].currency").isEqualTo("USD");
    }

    @Test
    void refusesUnknownSymbolsAndBadParameters() {
        problem("/api/v1/instruments/NOPE/bars", 404, "instrument-not-found");
        problem("/api/v1/instruments/NOPE/bars/stream", 404, "instrument-not-found");
        problem("/api/v1/instruments/ACME/bars?from=2024-13-01", 400, "invalid-date");
        problem("/api/v1/instruments/ACME/bars?from=2024-02-01&to=2024-01-01", 400, "invalid-parameter");
        problem("/api/v1/instruments/ACME/bars?adjusted=maybe", 400, "invalid-parameter");
        problem("/api/v1/instruments/ACME/bars?limit=0", 400, "invalid-limit");
        problem("/api/v1/instruments/ACME/bars?limit=10001", 400, "invalid-limit");
        problem("/api/v1/instruments?limit=1001", 400, "invalid-limit");
        problem("/api/v1/instruments/ACME/bars?cursor=yesterday", 400, "invalid-date");
    }

    private WebTestClient.BodyContentSpec bars(String symbol, String query) {
        return http.get().uri("/api/v1/instruments/" + symbol + "/bars?" + query).exchange()
                .expectStatus().isOk().expectBody();
    }

    private void problem(String uri, int status, String type) {
        http.get().uri(uri).exchange().expectStatus().isEqualTo(status).expectBody()
                .jsonPath("$.type").isEqualTo("https://finflow.dev/problems/" + type);
    }
}
