package dev.finflow.ml.eustocks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * R's EuStockMarkets (DAX, SMI, CAC, FTSE daily closes 1991-1998), committed under src/test/resources/eustocks by
 * eustocks.R: series the forecasting code was never tuned on.
 */
public final class EuStocks {

    public static final List<String> INDICES = List.of("DAX", "SMI", "CAC", "FTSE");

    private EuStocks() {
    }

    /** Closes of one index, oldest first. */
    public static double[] closes(String index) {
        int column = INDICES.indexOf(index) + 1;
        if (column == 0) {
            throw new IllegalArgumentException("no index " + index);
        }
        var stream = Objects.requireNonNull(EuStocks.class.getResourceAsStream("/eustocks/eustocks.csv"));
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(line -> !line.isBlank())
                    .mapToDouble(line -> Double.parseDouble(line.split(",")[column])).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
