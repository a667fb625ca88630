package dev.finflow.command.privacy.process;

import dev.finflow.events.privacy.SealedText;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the auth server stores to sign a person in (its table {@code auth.users}, in the one database every service
 * shares), for the person's export: read here, read only, so that an export is one answer. The username reads
 * {@value SealedText#ERASED} as soon as the event store records the person's erasure, before the auth server has
 * overwritten it. With another OIDC provider there is no such table, and that provider's own export covers it.
 */
@Component
class SignInProfile {

    /** The person's sign-in as stored by the auth server. */
    record Profile(String username, List<String> roles, boolean enabled, String createdAt,
                   @Schema(types = {"string", "null"}, description = "When the auth server erased the profile")
                   String erasedAt) {
    }

    private final JdbcTemplate jdbc;

    SignInProfile(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    Optional<Profile> of(String personId) {
        Boolean present = jdbc.queryForObject("select to_regclass('auth.users') is not null", Boolean.class);
        if (!Boolean.TRUE.equals(present)) {
            return Optional.empty();
        }
        return jdbc.query("select u.username, u.roles, u.enabled, u.created_at, u.erased_at, exists (select 1"
                + " from events.domain_event_entry e where e.aggregate_identifier = 'person/' || u.id"
                + " and e.payload_type = 'dev.finflow.events.privacy.PersonErasedEvent') as erased"
                + " from auth.users u where u.id = ?", (rs, n) -> new Profile(
                        rs.getBoolean("erased") ? SealedText.ERASED : rs.getString("username"),
                        Arrays.asList(rs.getString("roles").split(",")), rs.getBoolean("enabled"),
                        rs.getTimestamp("created_at").toInstant().toString(),
                        rs.getTimestamp("erased_at") == null ? null : rs.getTimestamp("erased_at").toInstant()
                                .toString()), personId).stream().findFirst();
    }
}
