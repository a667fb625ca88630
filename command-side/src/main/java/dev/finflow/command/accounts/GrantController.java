package dev.finflow.command.accounts;

import dev.finflow.command.api.Fields;
import dev.finflow.command.api.RequestMetadata;
import dev.finflow.command.api.StrictText;
import dev.finflow.command.dispatch.CommandDispatcher;
import dev.finflow.command.dispatch.Recorded;
import dev.finflow.events.ledger.AccessLevel;
import dev.finflow.events.ledger.GrantAccessCommand;
import dev.finflow.events.ledger.RevokeAccessCommand;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.RuleViolation;
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
class GrantController {

    /** {@code level} is OWNER or VIEWER; {@code userId} the subject of the user's tokens. */
    record Grant(@JsonDeserialize(using = StrictText.class) String userId,
                 @JsonDeserialize(using = StrictText.class) String level) {
    }

    /** {@code status} is GRANTED (201), REVOKED (200), or ALREADY_DONE (200) when nothing changed. */
    record GrantChanged(String accountId, String userId, String level, long position, String status) {
    }

    private final CommandDispatcher dispatcher;

    GrantController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

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
