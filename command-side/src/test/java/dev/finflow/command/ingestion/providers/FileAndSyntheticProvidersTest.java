package dev.finflow.command.ingestion.providers;

import dev.finflow.events.market.RawBar;
import dev.finflow.events.values.Symbol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The CSV file import (Yahoo download and long multi-ticker formats) and the deterministic generator. */
class FileAndSyntheticProvidersTest {

    @TempDir
    Path directory;

    @Test
    void importsAYahooDownloadFileNamedAfterTheSymbol() throws IOException {
        Files.writeString(directory.resolve("MSFT.csv"), """
                Date,Open,High,Low,Close,Adj Close,Volume
                2024-01-02,373.859985,375.899994,366.769989,370.869995,367.254150,25258600
                2024-01-03,369.010010,373.260010,368.510010,370.600006,366.986816,23083500
                2024-01-04,370.670013,373.100006,367.170013,367.940002,364.352692,20901500
                """);

        ProviderData data = new CsvFileProvider(directory).fetch(new Symbol("MSFT"), LocalDate.of(2024, 1, 3),
                LocalDate.of(2024, 1, 31));

        assertThat(data.bars()).containsExactly(
                new RawBar("2024-01-03", "369.010010", "373.260010", "368.510010", "370.600006", "366.986816",
                        "23083500"),
                new RawBar("2024-01-04", "370.670013", "373.100006", "367.170013", "367.940002", "364.352692",
                        "20901500"));
    }

    @Test
    void importsOneSymbolOfTheBundledLongFileWithItsDividends() throws IOException {
        // The bundled copy of the real long-format data set (the module directory is the tests' working directory).
        Files.copy(Path.of("src/main/resources/sample-data/dash-stock-ticker-demo.csv"),
                directory.resolve("dash-stock-ticker-demo.csv"));

        ProviderData data = new CsvFileProvider(directory).fetch(new Symbol("AAPL"), LocalDate.of(2017, 2, 1),
                LocalDate.of(2017, 2, 28));

        assertThat(data.bars()).hasSize(19);
        assertThat(data.bars().get(0)).isEqualTo(new RawBar("2017-02-01", "127.03", "130.49", "127.01", "128.75",
                "127.15974939256", "111985040"));
        assertThat(data.dividends()).containsExactly(
                new ProviderData.Dividend(LocalDate.of(2017, 2, 9), new BigDecimal("0.57")));
    }

    @Test
    void aSymbolWithNoRowsIsNoData() {
        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class, () -> new CsvFileProvider(directory)
                .fetch(new Symbol("NOPE"), LocalDate.of(2017, 2, 1), LocalDate.of(2017, 2, 28)));
        assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.NO_DATA);
    }

    @Test
    void theGeneratorGivesTheSameBarForADateWhateverTheRange() {
        SyntheticProvider generator = new SyntheticProvider(42);
        ProviderData year = generator.fetch(new Symbol("SYN"), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        ProviderData week = generator.fetch(new Symbol("SYN"), LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 7));

        assertThat(year.bars()).hasSize(262);
        assertThat(year.bars()).containsSubsequence(week.bars());
        assertThat(year.bars()).allSatisfy(bar -> {
            assertThat(LocalDate.parse(bar.date()).getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            BigDecimal low = new BigDecimal(bar.low());
            BigDecimal high = new BigDecimal(bar.high());
            assertThat(low).isLessThanOrEqualTo(new BigDecimal(bar.open())).isLessThanOrEqualTo(
                    new BigDecimal(bar.close())).isPositive();
            assertThat(high).isGreaterThanOrEqualTo(new BigDecimal(bar.open()))
                    .isGreaterThanOrEqualTo(new BigDecimal(bar.close()));
        });
        assertThat(new SyntheticProvider(7).fetch(new Symbol("SYN"), LocalDate.of(2024, 6, 3),
                LocalDate.of(2024, 6, 7)).bars()).isNotEqualTo(week.bars());
    }
}
