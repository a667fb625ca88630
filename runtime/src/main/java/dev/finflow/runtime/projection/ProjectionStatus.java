package dev.finflow.runtime.projection;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * Where a projection stands: the position readers see, how far behind the store it is, and a rebuild's progress.
 *
 * @param position   every event up to this global position is applied in the version readers use (-1: none)
 * @param head       the store's latest position
 * @param lagEvents  events stored but not yet applied
 * @param lagSeconds age of the oldest event not yet applied (0 when caught up)
 * @param state       DEGRADED while it has dead letters, else REBUILDING while a fresh copy is being built beside
 *                    the live one, else LIVE
 * @param deadLetters events put aside (and queued behind them) in the version readers use
 * @param stalled     events wait, but none was applied for the stall timeout
 */
@Schema(name = "ProjectionStatus")
public record ProjectionStatus(@Schema(example = "holdings") String name, int activeVersion, long position, long head,
                               long lagEvents, double lagSeconds,
                               @Schema(allowableValues = {"LIVE", "REBUILDING", "DEGRADED"}) String state,
                               long deadLetters, boolean stalled,
                               @Schema(types = {"object", "null"}, description = "null unless a rebuild runs")
                               Rebuild rebuild) {

    /** Progress of a rebuild: events applied by the new copy, its rate since it started, and the time left. */
    @Schema(name = "ProjectionRebuild")
    public record Rebuild(int version, long eventsDone, long eventsTotal, double eventsPerSecond,
                          @Schema(types = {"number", "null"}) Double etaSeconds, Instant startedAt) {
    }
}
