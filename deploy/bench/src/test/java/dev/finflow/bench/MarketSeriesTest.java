package dev.finflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader behind forecast-skill.sh: both layouts, and a refusal instead of an empty table. */
class MarketSeriesTest {

    @TempDir
    Path dir;

    private Path file(String... lines) throws IOException {
        return Files.write(dir.resolve("data.csv"), List.of(lines));
    }

    @Test
    void readsTheLongFormatPerSymbolOldestFirstWhateverTheColumnOrder() throws IOException {
        Path csv = file("close,symbol,date", "101.5,DAX,1991-07-02", "100.0,DAX,1991-07-01", "50.25,FTSE,1991-07-01",
                "49.75,FTSE,1991-07-02");

        List<MarketSeries> series = MarketSeries.read(csv);

        assertThat(series).extracting(MarketSeries::symbol).containsExactly("DAX", "FTSE");
        assertThat(series.get(0).dates()).containsExactly("1991-07-01", "1991-07-02");
        assertThat(series.get(0).closes()).containsExactly(100.0, 101.5);
        assertThat(series.get(1).closes()).containsExactly(50.25, 49.75);
        assertThat(series.get(0).logReturns()).containsExactly(Math.log(101.5) - Math.log(100.0));
    }

    @Test
    void readsTheDashStockTickerLayoutByItsAdjustedCloses() throws IOException {
        Path csv = file(",Date,Open,High,Low,Close,Volume,ExDividend,SplitRatio,AdjOpen,AdjHigh,AdjLow,AdjClose,"
                        + "AdjVolume,Stock",
                "0,2017-12-29,170.52,170.59,169.22,169.23,25643711.0,0.0,1.0,170.52,170.59,169.22,84.615,25643711.0,AAPL",
                "1,2017-12-28,171.00,171.85,170.48,171.08,16480187.0,0.0,1.0,171.00,171.85,170.48,85.54,16480187.0,AAPL");

        List<MarketSeries> series = MarketSeries.read(csv);

        assertThat(series).singleElement().satisfies(aapl -> {
            assertThat(aapl.symbol()).isEqualTo("AAPL");
            assertThat(aapl.dates()).containsExactly("2017-12-28", "2017-12-29");
            assertThat(aapl.closes()).containsExactly(85.54, 84.615);
        });
    }

    @Test
    void readsTheRepositorysSampleDataAndTheEuStocksLongFile() throws IOException {
        Path root = Path.of("../..");

        List<MarketSeries> sample = MarketSeries.read(root.resolve(RealSeries.DEFAULT_FILE));
        List<MarketSeries> eu = MarketSeries.read(root.resolve("forecasting-math/src/test/resources/eustocks/eustocks-long.csv"));

        assertThat(sample).extracting(MarketSeries::symbol).containsExactly("AAPL", "COKE", "GOOGL", "TSLA", "YHOO");
        assertThat(eu).extracting(MarketSeries::symbol).containsExactly("CAC", "DAX", "FTSE", "SMI");
        assertThat(eu).allSatisfy(s -> assertThat(s.closes()).hasSize(1860));
    }

    @Test
    void refusesAFileOfAnotherLayoutOrWithoutAUsableRow() throws IOException {
        assertThatThrownBy(() -> MarketSeries.read(file("ticker,day,price", "AAPL,2017-12-29,169.23")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neither");
        assertThatThrownBy(() -> MarketSeries.read(file("symbol,date,close", "AAPL,2017-12-29,")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no usable rows");
        assertThatThrownBy(() -> MarketSeries.read(file()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    void theSkillBenchmarkFailsRatherThanPrintEmptyTablesWhenNoSymbolHasEnoughValues() throws IOException {
        Path csv = file("symbol,date,close", "DAX,1991-07-01,100.0", "DAX,1991-07-02,101.5");

        assertThatThrownBy(() -> ForecastSkillBench.run(new Options(Map.of("data", csv.toString()))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nothing to report");
    }
}
