package dev.finflow.query.access.web;

import dev.finflow.events.identity.Role;
import dev.finflow.query.access.projection.AccessProjection;
import dev.finflow.query.api.Params;
import dev.finflow.query.api.ReadYourWrites;
import dev.finflow.runtime.projection.ProjectionCatalog;
import dev.finflow.problems.openapi.Raises;
import dev.finflow.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The accounts the caller may read, with the level granted to them (the dashboard's account list): an owner's and a
 * viewer's granted accounts, every account for an admin ({@code level} null where the admin holds no grant).
 */
@RestController
@Tag(name = "Accounts", description = "The accounts the caller may read")
class AccountsController {

    @Schema(name = "ReadableAccount")
    record ReadableAccount(@Schema(example = "acc-1") String accountId,
                           @Schema(types = {"string", "null"}, description = "OWNER or VIEWER; null for an admin without a grant") String level) {
    }

    private final DatabaseClient db;
    private final ProjectionCatalog catalog;
    private final ReadYourWrites readYourWrites;

    AccountsController(DatabaseClient db, ProjectionCatalog catalog, ReadYourWrites readYourWrites) {
        this.db = db;
        this.catalog = catalog;
        this.readYourWrites = readYourWrites;
    }

    @Operation(summary = "The caller's accounts", description = "An owner's and a viewer's granted accounts with "
            + "their level; every account for an admin (level null where the admin holds no grant).")
    @Raises({"invalid-position", "projection-behind"})
    @GetMapping("/api/v1/accounts")
    Mono<List<ReadableAccount>> accounts(@RequestParam(required = false) String minPosition) {
        String table = catalog.tables(AccessProjection.NAME).name(AccessProjection.ACCESS);
        return readYourWrites.await(AccessProjection.NAME, Params.minPosition(minPosition))
                .then(Caller.current())
                .flatMap(caller -> db.sql(caller.hasRole(Role.ADMIN)
                                ? "select account_id, max(case when user_id = :user then level end) as level from "
                                + table + " group by account_id order by account_id"
                                : "select account_id, level from " + table
                                + " where user_id = :user and level is not null order by account_id")
                        .bind("user", caller.id())
                        .map(row -> new ReadableAccount(row.get("account_id", String.class),
                                row.get("level", String.class)))
                        .all().collectList());
    }
}
