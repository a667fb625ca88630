package dev.finflow.command.instruments.csv;

import dev.finflow.events.market.RawBar;
import dev.finflow.events.values.Symbol;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvParsersTest {

    @Test
    void readsTheYahooDownloadFormatKeepingBrokenFieldsForTheRules() {
        List<RawBar> bars = YahooCsv.parse("""
                Date,Open,High,Low,Close,Adj Close,Volume\r
                2024-01-02,187.15,188.44,183.89,185.64,185.40,82488700\r
                2024-01-03,null,185.88,183.43,184.25,,58414500\r
                \r
                2024-01-04,182.15,183.09,180.88\r
                """);

        assertThat(bars).containsExactly(
                new RawBar("2024-01-02", "187.15", "188.44", "183.89", "185.64", "185.40", "82488700"),
                new RawBar("2024-01-03", "null", "185.88", "183.43", "184.25", null, "58414500"),
                new RawBar("2024-01-04", "182.15", "183.09", "180.88", null, null, null));
    }

    @Test
    void refusesAFileWhoseHeaderIsNotYahoos() {
        assertThatThrownBy(() -> YahooCsv.parse("Date,Close\n2024-01-02,1\n"))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> YahooCsv.parse(""))
                .isInstanceOf(CsvFormatException.class);
        assertThatThrownBy(() -> YahooCsv.parse("Date,Open,High,Low,Close,Adj Close,Volume\n1,2,3,4,5,6,7,8\n"))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("line 2");
    }

    @Test
    void readsTheBundledMultiTickerFileOldestFirstWithDividendsAndSplits() throws IOException {
        Map<Symbol, TickerSeries> series = TickerCsv.parse(sample("dash-stock-ticker-demo.csv"));

        assertThat(series.keySet()).extracting(Symbol::value).containsExactly("AAPL", "TSLA", "COKE", "YHOO", "GOOGL");
        TickerSeries aapl = series.get(new Symbol("AAPL"));
        assertThat(aapl.bars()).hasSize(753);
        assertThat(aapl.bars().get(0).date()).isEqualTo("2015-01-02");
        assertThat(aapl.bars().get(752)).isEqualTo(new RawBar("2017-12-29", "170.52", "170.59", "169.22",
                "169.23", "169.23", "25643711.0"));
        assertThat(aapl.bars()).extracting(RawBar::date).doesNotContain("2017-08-07");
        assertThat(aapl.dividends()).hasSize(11);
        assertThat(aapl.dividends().get(aapl.dividends().size() - 1))
                .isEqualTo(new TickerSeries.Dividend(LocalDate.parse("2017-08-10"), new BigDecimal("0.63")));
        assertThat(aapl.splits()).isEmpty();
        assertThat(series.get(new Symbol("COKE")).dividends()).hasSize(12);
        assertThat(series.get(new Symbol("YHOO")).bars()).hasSize(619);
        assertThat(series.values().stream().mapToInt(s -> s.bars().size()).sum()).isEqualTo(3634);
    }

    @Test
    void readsSplitRatiosAndFindsColumnsByName() {
        Map<Symbol, TickerSeries> series = TickerCsv.parse("""
                Stock,Date,Open,High,Low,Close,Volume,ExDividend,SplitRatio,AdjClose
                AAPL,2014-06-09,92.70,93.88,91.75,93.70,75414997.0,0.0,7.0,87.1
                AAPL,2014-06-06,649.90,651.26,644.47,645.57,12497800.0,0.0,1.0,85.5
                """);

        TickerSeries aapl = series.get(new Symbol("AAPL"));
        assertThat(aapl.bars()).extracting(RawBar::date).containsExactly("2014-06-06", "2014-06-09");
        assertThat(aapl.splits()).containsExactly(new TickerSeries.Split(LocalDate.parse("2014-06-09"),
                new BigDecimal("7.0")));
    }

    @Test
    void refusesAMultiTickerFileWithoutItsColumnsOrWithAnUnreadableDividend() {
        assertThatThrownBy(() -> TickerCsv.parse("Date,Open\n")).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("Stock");
        assertThatThrownBy(() -> TickerCsv.parse("""
                Date,Open,High,Low,Close,Volume,ExDividend,SplitRatio,AdjClose,Stock
                2017-01-03,1,1,1,1,1,abc,1.0,1,AAPL
                """)).isInstanceOf(CsvFormatException.class).hasMessageContaining("line 2");
    }

    static String sample(String name) throws IOException {
        try (InputStream in = CsvParsersTest.class.getResourceAsStream("/sample-data/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
