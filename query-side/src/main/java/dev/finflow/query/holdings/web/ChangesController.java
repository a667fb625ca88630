package dev.finflow.query.holdings.web;

import dev.finflow.query.holdings.projection.HoldingsProjection;
import dev.finflow.query.holdings.projection.HoldingsQueries;
import dev.finflow.problems.openapi.Raises;
import dev.finflow.query.access.projection.AccountAccess;
import dev.finflow.query.api.Params;
import dev.finflow.query.api.ReadYourWrites;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * "What changed": the events recorded between two instants that changed an account's figures as of a date (a
 * movement dated on or before it, a split of a held symbol effective on or before it), with who recorded them.
 * The difference between holdings {@code knownAt=from} and {@code knownAt=to} is made of exactly these.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Holdings")
class ChangesController {

    @Schema(name = "Changes")
    record Changes(@Schema(example = "acc-1") String accountId, LocalDate asOf,
                   @Schema(types = {"string", "null"}) Instant from,
                   @Schema(types = {"string", "null"}) Instant to, List<HoldingsQueries.Change> changes) {
    }

    private final HoldingsQueries queries;
    private final ReadYourWrites readYourWrites;
    private final AccountAccess access;
    private final ZoneId zone;

    ChangesController(HoldingsQueries queries, ReadYourWrites readYourWrites, AccountAccess access,
                      @Value("${finflow.query.zone:America/New_York}") ZoneId zone) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.access = access;
        this.zone = zone;
    }

    @Operation(summary = "What changed in an account", description = "The events recorded between `from` and `to` "
            + "(instants) that changed the account's figures as of `asOf`, with who recorded them.")
    @Raises({"invalid-date", "invalid-position", "account-not-found", "projection-behind"})
    @GetMapping("/accounts/{accountId}/changes")
    Mono<Changes> changes(@PathVariable String accountId, @RequestParam(required = false) String asOf,
                          @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                          @RequestParam(required = false) String minPosition) {
        LocalDate date = Params.date(asOf, "asOf");
        LocalDate on = date == null ? LocalDate.now(zone) : date;
        Instant after = Params.instant(from, "from");
        Instant until = Params.instant(to, "to");
        Long position = Params.minPosition(minPosition);
        return readYourWrites.await(HoldingsProjection.NAME, position)
                .then(access.requireAccount(accountId, position))
                .then(queries.requireAccount(accountId))
                .then(queries.changes(accountId, on, after, until).collectList())
                .map(changes -> new Changes(accountId, on, after, until, changes));
    }
}
