package dev.finflow.runtime.store;

import org.axonframework.eventhandling.GapAwareTrackingToken;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How a processor's gap-aware token moves when it reads the event at {@code index}, given the high-water mark
 * taken before the read. Events are read in ascending index, the gaps of the previous token included, so a gap
 * below {@code index} that this read has not delivered is not committed in its snapshot; at or below the mark
 * it never will be (a hole) and is dropped. Every other gap is kept, however old and however many events follow.
 */
final class Gaps {

    private Gaps() {
    }

    static GapAwareTrackingToken advance(GapAwareTrackingToken previous, long index, long settled) {
        GapAwareTrackingToken token;
        if (previous == null) {
            // Reading from the very start: everything below the first visible index is pending or a hole.
            SortedSet<Long> gaps = new TreeSet<>();
            for (long gap = Math.max(1, settled + 1); gap < index; gap++) {
                gaps.add(gap);
            }
            return GapAwareTrackingToken.newInstance(index, gaps);
        }
        token = previous.advanceTo(index, Integer.MAX_VALUE);
        long holesThrough = Math.min(index - 1, settled);
        SortedSet<Long> gaps = token.getGaps();
        if (gaps.isEmpty() || gaps.first() > holesThrough) {
            return token;
        }
        return GapAwareTrackingToken.newInstance(token.getIndex(), gaps.tailSet(holesThrough + 1));
    }
}
