package dev.finflow.runtime.dispatch;

/** One command of an all-or-nothing batch was refused, so none of the batch was stored. */
public class BatchItemFailed extends RuntimeException {

    private final int index;

    public BatchItemFailed(int index, RuntimeException cause) {
        super("item " + index + " of the batch was refused: " + cause.getMessage(), cause, false, false);
        this.index = index;
    }

    /** The zero-based position of the refused command in the batch. */
    public int index() {
        return index;
    }

    @Override
    public synchronized RuntimeException getCause() {
        return (RuntimeException) super.getCause();
    }
}
