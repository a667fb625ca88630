package dev.finflow.query.verify.domain;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * What {@code verify} found: the projection's tables compared with the store folded up to {@code position}.
 *
 * @param position     every event up to this global position is applied (read with the tables, in one snapshot)
 * @param checked      how much was compared
 * @param differences  every fact the store and the tables disagree on; none when the projection is right
 * @param deadLettered ids of the events in the projection's dead-letter queue: left out of the comparison
 */
@Schema(name = "Verification")
public record Verification(@Schema(example = "holdings") String projection, int version, long position,
                           Checked checked, List<Difference> differences, List<String> deadLettered) {

    /**
     * @param events events stored up to the position
     * @param keys   accounts, symbols or runs compared
     * @param facts  facts compared (one per item of a key, store and tables together counted once)
     * @param millis how long the comparison took
     */
    @Schema(name = "VerificationChecked")
    public record Checked(long events, int keys, int facts, long millis) {
    }

    /**
     * One fact on which the store and the tables disagree.
     *
     * @param key      the account, symbol or ingestion run
     * @param check    which kind of fact (e.g. {@code movement}, {@code bar}, {@code cash balance})
     * @param item     which fact of the key (e.g. {@code event 42 leg 1}, a bar's date)
     * @param problem  {@code missing} (the store has it, the tables do not), {@code unexpected} (the other way
     *                 round) or {@code differs}
     * @param expected what the store says (null when unexpected)
     * @param found    what the tables hold (null when missing)
     * @param eventIds the events involved, where a fact comes from one event
     */
    @Schema(name = "VerificationDifference")
    public record Difference(String key, String check, String item,
                             @Schema(allowableValues = {"missing", "unexpected", "differs"}) String problem,
                             @Schema(types = {"string", "null"}) String expected,
                             @Schema(types = {"string", "null"}) String found, List<String> eventIds) {
    }
}
