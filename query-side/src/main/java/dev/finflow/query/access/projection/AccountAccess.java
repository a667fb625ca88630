package dev.finflow.query.access.projection;

import dev.finflow.events.identity.Role;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.RuleViolation;
import dev.finflow.query.api.ReadYourWrites;
import dev.finflow.runtime.projection.ProjectionCatalog;
import dev.finflow.security.Caller;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Optional;

/**
 * Decides every read that names an account, from the grants this service projects itself: owners and viewers
 * read the accounts granted to them, admins every account (they may grant themselves access anyway, and that
 * is recorded), auditors the lineage and the audit trail of every account, owners and viewers the audit trail of
 * the accounts granted to them. Anyone else is answered exactly as for an account that does not exist, so an
 * answer never tells whether someone else's account is there.
 */
@Component
public class AccountAccess {

    private final DatabaseClient db;
    private final ProjectionCatalog catalog;
    private final ReadYourWrites readYourWrites;

    AccountAccess(DatabaseClient db, ProjectionCatalog catalog, ReadYourWrites readYourWrites) {
        this.db = db;
        this.catalog = catalog;
        this.readYourWrites = readYourWrites;
    }

    /** Completes when the caller may read the account's rows, else fails with account-not-found. */
    public Mono<Void> requireAccount(String accountId, Long minPosition) {
        return require(accountId, minPosition, false);
    }

    /** As {@link #requireAccount}, and auditors read every account's lineage. */
    public Mono<Void> requireLineage(String accountId, Long minPosition) {
        return require(accountId, minPosition, true);
    }

    /** Whether the caller may still read the account (a stream asks on every poll: a revocation ends it). */
    public Mono<Boolean> mayRead(String accountId) {
        return Caller.current().flatMap(caller -> caller.hasRole(Role.ADMIN) ? Mono.just(true)
                : granted(accountId, caller.id())).defaultIfEmpty(false);
    }

    /**
     * The accounts whose events the caller reads in the audit trail: empty for every account (auditors and admins
     * read the whole trail), else the accounts granted to the caller, as of {@code minPosition} of the grants.
     */
    public Mono<Optional<List<String>>> auditedAccounts(Long minPosition) {
        return readYourWrites.await(AccessProjection.NAME, minPosition)
                .then(Caller.current())
                .flatMap(caller -> caller.hasRole(Role.ADMIN) || caller.hasRole(Role.AUDITOR)
                        ? Mono.just(Optional.<List<String>>empty())
                        : granted(caller.id()).map(Optional::of))
                .defaultIfEmpty(Optional.of(List.of()));
    }

    private Mono<Void> require(String accountId, Long minPosition, boolean lineage) {
        return readYourWrites.await(AccessProjection.NAME, minPosition)
                .then(Caller.current())
                .flatMap(caller -> caller.hasRole(Role.ADMIN) || (lineage && caller.hasRole(Role.AUDITOR))
                        ? Mono.just(true) : granted(accountId, caller.id()))
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(() -> new RuleViolation(RequestRule.ACCOUNT_NOT_FOUND,
                        "no account " + accountId)))
                .then();
    }

    private Mono<List<String>> granted(String userId) {
        return db.sql("select account_id from " + catalog.tables(AccessProjection.NAME).name(AccessProjection.ACCESS)
                        + " where user_id = :user and level is not null")
                .bind("user", userId)
                .map(row -> row.get("account_id", String.class)).all().collectList();
    }

    private Mono<Boolean> granted(String accountId, String userId) {
        return db.sql("select 1 from " + catalog.tables(AccessProjection.NAME).name(AccessProjection.ACCESS)
                        + " where account_id = :account and user_id = :user and level is not null")
                .bind("account", accountId).bind("user", userId)
                .map(row -> true).first().defaultIfEmpty(false);
    }
}
