package dev.finflow.command.ingestion.providers;

import dev.finflow.events.market.RawBar;
import dev.finflow.events.values.Symbol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Imports CSV files from a directory: {@code <SYMBOL>.csv} in Yahoo's download format, else every long
 * multi-ticker file there (one row per symbol and day, with ExDividend and SplitRatio columns). A minimal
 * reader until the instruments' CSV parsers are shared.
 */
final class CsvFileProvider implements MarketDataProvider {

    private final Path directory;

    CsvFileProvider(Path directory) {
        this.directory = directory;
    }

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public ProviderData fetch(Symbol symbol, LocalDate from, LocalDate to) {
        Path single = directory.resolve(symbol.value() + ".csv");
        ProviderData data;
        if (Files.isRegularFile(single)) {
            data = ProviderData.ofBars(DailyCsv.read(name(), read(single), date -> LongTickerCsv.inRange(date,
                    from, to)));
        } else {
            data = fromLongFiles(symbol, from, to);
        }
        if (data.bars().isEmpty()) {
            throw new ProviderFailure(name(), ProviderFailure.Kind.NO_DATA, "no rows for " + symbol + " "
                    + from + ".." + to + " in " + directory);
        }
        return data;
    }

    private ProviderData fromLongFiles(Symbol symbol, LocalDate from, LocalDate to) {
        List<RawBar> bars = new ArrayList<>();
        List<ProviderData.Split> splits = new ArrayList<>();
        List<ProviderData.Dividend> dividends = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                LongTickerCsv.read(name(), read(file), symbol, from, to, bars, splits, dividends);
            }
        } catch (IOException unreadable) {
            throw new ProviderFailure(name(), ProviderFailure.Kind.NO_DATA, "cannot list " + directory, null,
                    unreadable);
        }
        bars.sort((a, b) -> String.valueOf(a.date()).compareTo(String.valueOf(b.date())));
        return new ProviderData(bars, splits, dividends);
    }

    private String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
