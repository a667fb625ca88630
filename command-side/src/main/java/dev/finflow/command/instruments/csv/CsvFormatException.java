package dev.finflow.command.instruments.csv;

/** A CSV file that is not in the format it claims: a wrong header or a line that cannot be split into fields. */
public class CsvFormatException extends RuntimeException {

    private final int line;

    public CsvFormatException(int line, String message) {
        super("line " + line + ": " + message, null, false, false);
        this.line = line;
    }

    /** The one-based line number at fault (1 is the header). */
    public int line() {
        return line;
    }
}
