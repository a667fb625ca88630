package dev.finflow.command.accounts.web;

import dev.finflow.command.api.Fields;
import dev.finflow.command.api.RequestMetadata;
import dev.finflow.command.api.StrictText;
import dev.finflow.runtime.dispatch.CommandDispatcher;
import dev.finflow.runtime.dispatch.Recorded;
import dev.finflow.events.ledger.AccessLevel;
import dev.finflow.events.ledger.GrantAccessCommand;
import dev.finflow.events.ledger.RevokeAccessCommand;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.RuleViolation;
import dev.finflow.problems.openapi.Raises;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Grants and revokes access to an account. The account decides: its owners (and admins) may, a viewer is told
 * no, anyone else is told the account does not exist.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/grants")
@Tag(name = "Grants", description = "Who may read or write an account")
class GrantController {

    /** {@code level} is OWNER or VIEWER; {@code userId} the subject of the user's tokens. */
    @Schema(name = "GrantRequest")
    record Grant(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "user-7")
                 @JsonDeserialize(using = StrictText.class) String userId,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"OWNER", "VIEWER"})
                 @JsonDeserialize(using = StrictText.class) String level) {
    }

    /** {@code status} is GRANTED (201), REVOKED (200), or ALREADY_DONE (200) when nothing changed. */
    @Schema(name = "GrantChanged")
    record GrantChanged(@Schema(example = "acc-1") String accountId, @Schema(example = "user-7") String userId,
                        @Schema(types = {"string", "null"}, description = "OWNER or VIEWER; null for a revocation")
                        String level,
                        @Schema(example = "45") long position,
                        @Schema(allowableValues = {"GRANTED", "REVOKED", "ALREADY_DONE"}) String status) {
    }

    private final CommandDispatcher dispatcher;

    GrantController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Operation(summary = "Grant access to an account", description = "OWNER may write and grant, VIEWER only read. "
            + "A viewer of the account is told 403 read-only-access; anyone without access, 404 account-not-found.")
    @ApiResponse(responseCode = "201", description = "Granted (status GRANTED)")
    @ApiResponse(responseCode = "200", description = "The user held this level already (status ALREADY_DONE)")
    @Raises({"missing-field", "invalid-field", "account-not-found", "read-only-access", "concurrent-modification"})
    @PostMapping
    Mono<ResponseEntity<GrantChanged>> grant(@PathVariable String accountId, @RequestBody Grant request,
                                             RequestMetadata metadata) {
        return Mono.defer(() -> {
            GrantAccessCommand command = new GrantAccessCommand(Fields.accountId(accountId, "accountId"),
                    Fields.userId(request.userId(), "userId"), level(request.level()));
            return dispatcher.send(command, metadata.toMetaData()).map(recorded -> ResponseEntity
                    .status(recorded.alreadyDone() ? HttpStatus.OK : HttpStatus.CREATED)
                    .body(changed(recorded, command.userId(), command.level().name(), "GRANTED")));
        });
    }

    @Operation(summary = "Revoke a user's access to an account", description = "An account keeps at least one owner.")
    @ApiResponse(responseCode = "200", description = "Revoked (REVOKED), or the user had no access (ALREADY_DONE)")
    @Raises({"invalid-field", "account-not-found", "read-only-access", "last-owner", "concurrent-modification"})
    @DeleteMapping("/{userId}")
    Mono<ResponseEntity<GrantChanged>> revoke(@PathVariable String accountId, @PathVariable String userId,
                                              RequestMetadata metadata) {
        return Mono.defer(() -> {
            RevokeAccessCommand command = new RevokeAccessCommand(Fields.accountId(accountId, "accountId"),
                    Fields.userId(userId, "userId"));
            return dispatcher.send(command, metadata.toMetaData()).map(recorded -> ResponseEntity
                    .ok(changed(recorded, command.userId(), null, "REVOKED")));
        });
    }

    private static AccessLevel level(String value) {
        Fields.required(value, "level");
        for (AccessLevel level : AccessLevel.values()) {
            if (level.name().equals(value)) {
                return level;
            }
        }
        throw new RuleViolation(RequestRule.INVALID_FIELD, "level must be OWNER or VIEWER", "level");
    }

    private static GrantChanged changed(Recorded recorded, String userId, String level, String status) {
        return new GrantChanged(recorded.aggregateId(), userId, level, recorded.position(),
                recorded.alreadyDone() ? "ALREADY_DONE" : status);
    }
}
