package dev.finflow.ml.anomalies.projection;

import dev.finflow.events.MetadataKeys;
import dev.finflow.events.ledger.AccessGrantedEvent;
import dev.finflow.events.ledger.AccessRevokedEvent;
import dev.finflow.events.ledger.AccountOpenedEvent;
import dev.finflow.runtime.store.GlobalIndex;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The grants of every account, projected by this service itself (it never asks another service): the opener
 * (the principal on the opening) owns the account, a grant sets a user's level, a revocation clears it. A row
 * changes only for a later position than the one it holds, so redelivery is harmless.
 */
@Component
@ProcessingGroup(AccountGrants.GROUP)
public class AccountGrants {

    static final String GROUP = "account-access";

    private final JdbcTemplate jdbc;

    AccountGrants(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountOpenedEvent opened, @MetaDataValue(MetadataKeys.PRINCIPAL) String opener,
            EventMessage<?> message) {
        if (opener != null) {
            set(opened.accountId().value(), opener, "OWNER", GlobalIndex.of(message));
        }
    }

    @EventHandler
    void on(AccessGrantedEvent granted, EventMessage<?> message) {
        set(granted.accountId().value(), granted.userId(), granted.level().name(), GlobalIndex.of(message));
    }

    @EventHandler
    void on(AccessRevokedEvent revoked, EventMessage<?> message) {
        set(revoked.accountId().value(), revoked.userId(), null, GlobalIndex.of(message));
    }

    /** Whether the user may read the account's anomalies. */
    public boolean mayRead(String accountId, String userId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from ml.account_access where"
                + " account_id = ? and user_id = ? and level is not null)", Boolean.class, accountId, userId));
    }

    private void set(String account, String user, String level, long position) {
        jdbc.update("insert into ml.account_access (account_id, user_id, level, position) values (?, ?, ?, ?)"
                + " on conflict (account_id, user_id) do update set level = excluded.level,"
                + " position = excluded.position where ml.account_access.position < excluded.position",
                account, user, level, position);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate ml.account_access");
    }
}
