package dev.finflow.command.ingestion.providers;

import dev.finflow.command.instruments.csv.CsvFormatException;
import dev.finflow.command.instruments.csv.TickerCsv;
import dev.finflow.command.instruments.csv.TickerSeries;
import dev.finflow.events.market.RawBar;
import dev.finflow.events.values.Symbol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Imports CSV files from a directory: {@code <SYMBOL>.csv} in Yahoo's download format, else every long
 * multi-ticker file there (one row per symbol and day, with ExDividend and SplitRatio columns, read by the
 * instruments' {@link TickerCsv}). Files without a {@code Stock} column are not in the long format and are skipped.
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
            data = ProviderData.ofBars(DailyCsv.read(name(), read(single), date -> inRange(date, from,
                    to)));
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
                TickerSeries series = longSeries(file).get(symbol);
                if (series == null) {
                    continue;
                }
                series.bars().stream().filter(bar -> inRange(bar.date(), from, to)).map(CsvFileProvider::wholeVolume)
                        .forEach(bars::add);
                series.splits().stream().filter(split -> inRange(split.date().toString(), from, to))
                        .map(split -> new ProviderData.Split(split.date(), split.ratio().stripTrailingZeros(),
                                BigDecimal.ONE))
                        .forEach(splits::add);
                series.dividends().stream().filter(dividend -> inRange(dividend.exDate().toString(), from, to))
                        .filter(dividend -> dividend.amountPerShare().signum() > 0)
                        .map(dividend -> new ProviderData.Dividend(dividend.exDate(),
                                dividend.amountPerShare().stripTrailingZeros()))
                        .forEach(dividends::add);
            }
        } catch (IOException unreadable) {
            throw new ProviderFailure(name(), ProviderFailure.Kind.NO_DATA, "cannot list " + directory, null,
                    unreadable);
        }
        bars.sort((a, b) -> String.valueOf(a.date()).compareTo(String.valueOf(b.date())));
        return new ProviderData(bars, splits, dividends);
    }

    private Map<Symbol, TickerSeries> longSeries(Path file) {
        String text = read(file);
        String header = text.lines().findFirst().orElse("");
        if (!Arrays.asList(header.replace("\uFEFF", "").split(",", -1)).contains("Stock")) {
            return Map.of();
        }
        try {
            return TickerCsv.parse(text);
        } catch (CsvFormatException malformed) {
            throw new ProviderFailure(name(), ProviderFailure.Kind.MALFORMED, file.getFileName() + ": "
                    + malformed.getMessage());
        }
    }

    /** pandas writes volumes as {@code 25643711.0}; the zero fraction is an artefact of the file, not data. */
    private static RawBar wholeVolume(RawBar bar) {
        String volume = bar.volume();
        return volume != null && volume.matches("-?\\d+\\.0+")
                ? new RawBar(bar.date(), bar.open(), bar.high(), bar.low(), bar.close(), bar.adjustedClose(),
                        volume.substring(0, volume.indexOf('.')))
                : bar;
    }

    /** Rows whose date does not parse are kept, so that the quality rules record them. */
    static boolean inRange(String date, LocalDate from, LocalDate to) {
        try {
            LocalDate day = LocalDate.parse(date);
            return !day.isBefore(from) && !day.isAfter(to);
        } catch (RuntimeException unparsable) {
            return true;
        }
    }

    private String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
