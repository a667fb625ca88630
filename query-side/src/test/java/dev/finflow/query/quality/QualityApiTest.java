package dev.finflow.query.quality;

import dev.finflow.events.market.Finding;
import dev.finflow.events.market.InstrumentType;
import dev.finflow.events.market.PricesWentStaleEvent;
import dev.finflow.events.market.Verdict;
import dev.finflow.events.values.Symbol;
import dev.finflow.query.EventAppender;
import dev.finflow.query.QuerySideTest;
import dev.finflow.query.market.MarketEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.LocalDate;

import static dev.finflow.query.market.MarketEvents.accepted;
import static dev.finflow.query.market.MarketEvents.bar;
import static dev.finflow.query.market.MarketEvents.flagged;
import static dev.finflow.query.market.MarketEvents.rejected;

/** The quality log: counts per verdict and rule, flagged and quarantined bars with findings, staleness. */
@QuerySideTest
class QualityApiTest {

    @Autowired
    WebTestClient http;
    @Autowired
    EventAppender appender;

    @Test
    void countsVerdictsPerRuleAndListsFlaggedAndQuarantinedBarsWithTheirFindings() {
        MarketEvents q = new MarketEvents(appender, "QUAL");
        q.register(InstrumentType.EQUITY, "USD", null);
        q.ingest(accepted(bar("2024-05-01", "10", "11", "9", "10.00", 100)),
                accepted(bar("2024-05-02", "10", "11", "9", "10.10", 100)),
                flagged(bar("2024-05-03", "10", "11", "9", "10.20", 100), new Finding("stale-repeat", "same close 5 days"),
                        new Finding("jump", "4 sigma")));
        q.quarantine(rejected("2024-05-06", "1020.00", new Finding("jump", "x100 against recent closes")),
                rejected("2024-05-07", "0", new Finding("non-positive-price", "close 0")));
        q.correct(bar("2024-05-02", "10", "11", "9", "10.10", 100), bar("2024-05-02", "10", "11", "9", "10.15", 100),
                Verdict.ACCEPTED);
        long stale = q.append(new PricesWentStaleEvent(new Symbol("QUAL"), LocalDate.parse("2024-05-03"),
                LocalDate.parse("2024-05-10"), LocalDate.parse("2024-05-11")));

        quality("QUAL", "minPosition=" + stale)
                .jsonPath("$.verdicts.ACCEPTED").isEqualTo(3)
                .jsonPath("$.verdicts.FLAGGED").isEqualTo(1)
                .jsonPath("$.verdicts.REJECTED").isEqualTo(2)
                .jsonPath("$.corrections").isEqualTo(1)
                .jsonPath("$.rules[?(@.rule == 'jump')].verdicts.FLAGGED").isEqualTo(1)
                .jsonPath("$.rules[?(@.rule == 'jump')].verdicts.REJECTED").isEqualTo(1)
                .jsonPath("$.rules[?(@.rule == 'non-positive-price')].verdicts.REJECTED").isEqualTo(1)
                .jsonPath("$.rules[?(@.rule == 'stale-repeat')].verdicts.FLAGGED").isEqualTo(1)
                .jsonPath("$.issues.length()").isEqualTo(4)
                .jsonPath("$.issues[0].date").isEqualTo("2024-05-03")
                .jsonPath("$.issues[0].verdict").isEqualTo("FLAGGED")
                .jsonPath("$.issues[0].findings[1].rule").isEqualTo("jump")
                .jsonPath("$.issues[1].date").isEqualTo("2024-05-06")
                .jsonPath("$.issues[1].verdict").isEqualTo("REJECTED")
                .jsonPath("$.issues[1].origin").isEqualTo("QUARANTINED")
                .jsonPath("$.issues[1].bar.close").isEqualTo("1020.00")
                .jsonPath("$.issues[1].findings[0].detail").isEqualTo("x100 against recent closes")
                .jsonPath("$.issues[2].findings[0].rule").isEqualTo("non-positive-price")
                .jsonPath("$.issues[3].origin").isEqualTo("CORRECTED")
                .jsonPath("$.staleness[0].newestBar").isEqualTo("2024-05-03")
                .jsonPath("$.staleness[0].expectedLatest").isEqualTo("2024-05-10");

        // quarantined bars are in the quality log but never among the prices
        http.get().uri("/api/v1/instruments/QUAL/bars").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.bars.length()").isEqualTo(3)
                .jsonPath("$.bars[?(@.date == '2024-05-06')]").doesNotExist();

        quality("QUAL", "verdict=REJECTED&limit=1")
                .jsonPath("$.issues.length()").isEqualTo(1)
                .jsonPath("$.issues[0].date").isEqualTo("2024-05-06")
                .jsonPath("$.nextCursor").value(cursor -> quality("QUAL", "verdict=REJECTED&limit=1&cursor=" + cursor)
                        .jsonPath("$.issues[0].date").isEqualTo("2024-05-07"));
    }

    @Test
    void theOverviewCountsEverySymbolAndListsTheIssuesOfAllNewestFirst() {
        MarketEvents one = new MarketEvents(appender, "OVR1");
        one.register(InstrumentType.EQUITY, "USD", null);
        long older = one.ingest(flagged(bar("2024-05-31", "10", "11", "9", "10.00", 100),
                new Finding("jump", "3 sigma")));
        one.ingest(accepted(bar("2024-06-03", "10", "11", "9", "10.00", 100)),
                flagged(bar("2024-06-04", "10", "11", "9", "10.20", 100), new Finding("jump", "4 sigma")));
        MarketEvents two = new MarketEvents(appender, "OVR2");
        two.register(InstrumentType.EQUITY, "USD", null);
        long rejected = two.quarantine(rejected("2024-06-05", "0", new Finding("non-positive-price", "close 0")));
        long stale = two.append(new PricesWentStaleEvent(new Symbol("OVR2"), null, LocalDate.parse("2024-06-07"),
                LocalDate.parse("2024-06-08")));

        overview("minPosition=" + stale + "&limit=2")
                .jsonPath("$.symbols[?(@.symbol == 'OVR1')].verdicts.ACCEPTED").isEqualTo(1)
                .jsonPath("$.symbols[?(@.symbol == 'OVR1')].verdicts.FLAGGED").isEqualTo(2)
                .jsonPath("$.symbols[?(@.symbol == 'OVR1')].rules[0].rule").isEqualTo("jump")
                .jsonPath("$.symbols[?(@.symbol == 'OVR1')].rules[0].verdicts.FLAGGED").isEqualTo(2)
                .jsonPath("$.symbols[?(@.symbol == 'OVR1' && @.staleness == null)].symbol").isEqualTo("OVR1")
                .jsonPath("$.symbols[?(@.symbol == 'OVR2')].verdicts.REJECTED").isEqualTo(1)
                .jsonPath("$.symbols[?(@.symbol == 'OVR2')].staleness.expectedLatest").isEqualTo("2024-06-07")
                .jsonPath("$.issues.length()").isEqualTo(2)
                .jsonPath("$.issues[0].symbol").isEqualTo("OVR2")
                .jsonPath("$.issues[0].position").isEqualTo(rejected)
                .jsonPath("$.issues[0].findings[0].rule").isEqualTo("non-positive-price")
                .jsonPath("$.issues[1].symbol").isEqualTo("OVR1")
                .jsonPath("$.issues[1].date").isEqualTo("2024-06-04")
                .jsonPath("$.nextCursor").value(cursor -> overview("limit=2&cursor=" + cursor)
                        .jsonPath("$.issues[0].position").isEqualTo(older)
                        .jsonPath("$.issues[0].date").isEqualTo("2024-05-31"));
        http.get().uri("/api/v1/quality?cursor=x").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://finflow.dev/problems/invalid-cursor");
    }

    @Test
    void refusesUnknownSymbolsAndBadParameters() {
        http.get().uri("/api/v1/instruments/NOPE/quality").exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$.type").isEqualTo("https://finflow.dev/problems/instrument-not-found");
        http.get().uri("/api/v1/instruments/QUAL/quality?verdict=BAD").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://finflow.dev/problems/invalid-parameter");
        http.get().uri("/api/v1/instruments/QUAL/quality?cursor=x").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://finflow.dev/problems/invalid-cursor");
    }

    private WebTestClient.BodyContentSpec overview(String query) {
        return http.get().uri("/api/v1/quality?" + query).exchange().expectStatus().isOk().expectBody();
    }

    private WebTestClient.BodyContentSpec quality(String symbol, String query) {
        return http.get().uri("/api/v1/instruments/" + symbol + "/quality?" + query).exchange()
                .expectStatus().isOk().expectBody();
    }
}
