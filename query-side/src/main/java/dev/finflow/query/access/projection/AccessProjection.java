package dev.finflow.query.access.projection;

import dev.finflow.events.ledger.AccessGrantedEvent;
import dev.finflow.events.ledger.AccessRevokedEvent;
import dev.finflow.events.ledger.AccountOpenedEvent;
import dev.finflow.runtime.projection.ProjectedEvent;
import dev.finflow.runtime.projection.Projection;
import dev.finflow.runtime.projection.TableSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The grants of every account, as the Account aggregate decides them, so the query side can answer each read
 * from its own table: the opener (the principal on the opening) owns the account, a grant sets a user's level, a
 * revocation clears it. A row changes only for a later position than the one it holds, so redelivery is harmless.
 */
@Component
public class AccessProjection implements Projection {

    public static final String NAME = "access";
    public static final String ACCESS = "account_access";
    private static final Set<Class<?>> HANDLED = Set.of(AccountOpenedEvent.class, AccessGrantedEvent.class,
            AccessRevokedEvent.class);

    private record Change(String account, String user, String level, long position) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(ACCESS);
    }

    @Override
    public boolean handles(Class<?> payloadType) {
        return HANDLED.contains(payloadType);
    }

    @Override
    public void apply(List<ProjectedEvent> events, TableSet tables, JdbcTemplate jdbc) {
        List<Change> changes = new ArrayList<>();
        for (ProjectedEvent event : events) {
            if (event.payload() instanceof AccountOpenedEvent opened && event.principal() != null) {
                changes.add(new Change(opened.accountId().value(), event.principal(), "OWNER", event.position()));
            } else if (event.payload() instanceof AccessGrantedEvent granted) {
                changes.add(new Change(granted.accountId().value(), granted.userId(), granted.level().name(),
                        event.position()));
            } else if (event.payload() instanceof AccessRevokedEvent revoked) {
                changes.add(new Change(revoked.accountId().value(), revoked.userId(), null, event.position()));
            }
        }
        String table = tables.name(ACCESS);
        // One statement per change, in order: a batch may grant and revoke the same user.
        for (Change change : changes) {
            jdbc.update("insert into " + table + " (account_id, user_id, level, position) values (?, ?, ?, ?)"
                            + " on conflict (account_id, user_id) do update set level = excluded.level,"
                            + " position = excluded.position where " + table + ".position < excluded.position",
                    change.account(), change.user(), change.level(), change.position());
        }
    }
}
