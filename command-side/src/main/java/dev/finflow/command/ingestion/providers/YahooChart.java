package dev.finflow.command.ingestion.providers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finflow.events.market.RawBar;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads Yahoo's v8 chart JSON: one bar per timestamp (dated in the exchange's time zone), splits and dividends
 * from {@code events}. Yahoo stores prices as 32-bit floats (185.63999938964844 for 185.64), so prices are
 * rounded to the 7 significant digits a float holds. A missing price stays null for the quality rules to judge.
 */
final class YahooChart {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final MathContext FLOAT_DIGITS = new MathContext(7);

    private YahooChart() {
    }

    static ProviderData parse(String provider, String body, LocalDate from, LocalDate to) {
        if (body == null || body.isBlank()) {
            throw new ProviderFailure(provider, ProviderFailure.Kind.TRUNCATED, "empty body");
        }
        if (body.stripLeading().startsWith("<")) {
            throw new ProviderFailure(provider, ProviderFailure.Kind.MALFORMED, "HTML instead of chart JSON");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonEOFException truncated) {
            throw new ProviderFailure(provider, ProviderFailure.Kind.TRUNCATED, "chart JSON ends early", null,
                    truncated);
        } catch (JsonProcessingException unreadable) {
            throw new ProviderFailure(provider, ProviderFailure.Kind.MALFORMED, "not JSON: "
                    + unreadable.getOriginalMessage(), null, unreadable);
        }
        JsonNode result = root.path("chart").path("result").path(0);
        if (result.isMissingNode()) {
            JsonNode error = root.path("chart").path("error");
            if (!error.isMissingNode() && !error.isNull()) {
                throw new ProviderFailure(provider, ProviderFailure.Kind.NO_DATA, error.path("description").asText());
            }
            throw new ProviderFailure(provider, ProviderFailure.Kind.MALFORMED, "no chart.result in the JSON");
        }
        ZoneId zone = zone(result.path("meta"));
        List<RawBar> bars = bars(result, zone, from, to);
        if (bars.isEmpty()) {
            throw new ProviderFailure(provider, ProviderFailure.Kind.NO_DATA, "no bars " + from + ".." + to);
        }
        return new ProviderData(bars, splits(result.path("events").path("splits"), zone),
                dividends(result.path("events").path("dividends"), zone));
    }

    private static List<RawBar> bars(JsonNode result, ZoneId zone, LocalDate from, LocalDate to) {
        JsonNode timestamps = result.path("timestamp");
        JsonNode quote = result.path("indicators").path("quote").path(0);
        JsonNode adjusted = result.path("indicators").path("adjclose").path(0).path("adjclose");
        List<RawBar> bars = new ArrayList<>();
        for (int i = 0; i < timestamps.size(); i++) {
            LocalDate date = date(timestamps.get(i), zone);
            if (date.isBefore(from) || date.isAfter(to)) {
                continue;
            }
            bars.add(new RawBar(date.toString(), price(quote.path("open").path(i)),
                    price(quote.path("high").path(i)), price(quote.path("low").path(i)),
                    price(quote.path("close").path(i)), price(adjusted.path(i)), volume(quote.path("volume").path(i))));
        }
        return bars;
    }

    private static List<ProviderData.Split> splits(JsonNode splits, ZoneId zone) {
        List<ProviderData.Split> found = new ArrayList<>();
        for (Iterator<JsonNode> it = splits.elements(); it.hasNext(); ) {
            JsonNode split = it.next();
            found.add(new ProviderData.Split(date(split.path("date"), zone),
                    split.path("numerator").decimalValue().stripTrailingZeros(),
                    split.path("denominator").decimalValue().stripTrailingZeros()));
        }
        return found;
    }

    private static List<ProviderData.Dividend> dividends(JsonNode dividends, ZoneId zone) {
        List<ProviderData.Dividend> found = new ArrayList<>();
        for (Iterator<JsonNode> it = dividends.elements(); it.hasNext(); ) {
            JsonNode dividend = it.next();
            found.add(new ProviderData.Dividend(date(dividend.path("date"), zone),
                    dividend.path("amount").decimalValue().round(FLOAT_DIGITS).stripTrailingZeros()));
        }
        return found;
    }

    private static ZoneId zone(JsonNode meta) {
        String name = meta.path("exchangeTimezoneName").asText("");
        if (!name.isEmpty()) {
            try {
                return ZoneId.of(name);
            } catch (RuntimeException unknown) {
                // fall through to the offset
            }
        }
        return ZoneOffset.ofTotalSeconds(meta.path("gmtoffset").asInt(0));
    }

    private static LocalDate date(JsonNode epochSeconds, ZoneId zone) {
        return Instant.ofEpochSecond(epochSeconds.asLong()).atZone(zone).toLocalDate();
    }

    private static String price(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        BigDecimal price = value.decimalValue().round(FLOAT_DIGITS).stripTrailingZeros();
        return price.scale() < 0 ? price.setScale(0).toPlainString() : price.toPlainString();
    }

    private static String volume(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
