package dev.finflow.auth.users;

import dev.finflow.auth.audit.IdentityEvents;
import dev.finflow.auth.signin.SignInThrottle;
import dev.finflow.events.identity.Role;
import dev.finflow.events.identity.UserCreatedEvent;
import dev.finflow.events.identity.UserDisabledEvent;
import dev.finflow.events.identity.UserPasswordResetEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The users table ({@code auth.users}). Sign-in looks people up by username, but what Spring Security carries on
 * afterwards is the user's opaque id, so no name reaches a token. Each change is recorded in the event store in
 * the same transaction, by the opaque id of whoever made it.
 */
@Component
public class UserAccounts implements UserDetailsService {

    private static final RowMapper<FinflowUser> ROW = (rs, n) -> new FinflowUser(rs.getString("id"),
            rs.getString("username"), rs.getString("password_hash"), roles(rs.getString("roles")),
            rs.getBoolean("enabled"));

    /** Whether the event store records the erasure of the user of the row {@code users}. */
    private static final String ERASED = "exists (select 1 from events.domain_event_entry e"
            + " where e.aggregate_identifier = 'person/' || users.id"
            + " and e.payload_type = 'dev.finflow.events.privacy.PersonErasedEvent')";

    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final IdentityEvents events;

    UserAccounts(JdbcTemplate jdbc, PasswordEncoder passwords, SignInThrottle throttle, IdentityEvents events) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.throttle = throttle;
        this.events = events;
    }

    /** A locked-out username (see {@link SignInThrottle}) answers locked before its password is even checked. */
    @Override
    public UserDetails loadUserByUsername(String username) {
        boolean locked = throttle.lockedOut(username);
        return byUsername(username).map(user -> user.details(locked))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /** The user who signs in with this name; none once erased, even before {@link #eraseProfiles} ran. */
    public Optional<FinflowUser> byUsername(String username) {
        return jdbc.query("select * from users where username = ? and erased_at is null and not " + ERASED, ROW,
                username).stream().findFirst();
    }

    public Optional<FinflowUser> byId(String id) {
        return jdbc.query("select * from users where id = ?", ROW, id).stream().findFirst();
    }

    public boolean any() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from users)", Boolean.class));
    }

    /**
     * Creates a user with a new opaque id and the password hashed (bcrypt), recorded as done by {@code by} (an
     * opaque id); answers the new user.
     */
    @Transactional
    public FinflowUser create(String username, String rawPassword, Set<Role> roles, String by) {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into users (id, username, password_hash, roles) values (?, ?, ?, ?)", id, username,
                passwords.encode(rawPassword), roles.stream().map(Role::claimValue).collect(Collectors.joining(",")));
        FinflowUser user = byId(id).orElseThrow();
        events.record(IdentityEvents.userStream(id), by, new UserCreatedEvent(id, List.copyOf(user.roles())));
        return user;
    }

    /** Disables a user: no new sign-in; tokens already issued end with their lifetime. False when no such user. */
    @Transactional
    public boolean disable(String id, String by) {
        boolean found = jdbc.update("update users set enabled = false where id = ?", id) == 1;
        if (found) {
            events.record(IdentityEvents.userStream(id), by, new UserDisabledEvent(id));
        }
        return found;
    }

    /** Replaces a user's password (hashed). False when no such user. */
    @Transactional
    public boolean resetPassword(String id, String rawPassword, String by) {
        boolean found = jdbc.update("update users set password_hash = ? where id = ?", passwords.encode(rawPassword),
                id) == 1;
        if (found) {
            events.record(IdentityEvents.userStream(id), by, new UserPasswordResetEvent(id));
        }
        return found;
    }

    /**
     * Erases the profile of each user the event store records as erased ({@code id}'s only, unless null): the
     * username and password hash are replaced and the user is disabled, so nobody signs in as them again; the row
     * and its opaque id stay. The sign-in throttle forgets the failures it counted for the old username. Answers
     * how many were erased now.
     */
    public int eraseProfiles(String id) {
        List<String[]> erased = jdbc.query("with erased as (select id, username from users where erased_at is null "
                + "and " + ERASED + (id == null ? "" : " and id = ?") + " for update) update users set username = "
                + "'erased:' || users.id, password_hash = '!', enabled = false, erased_at = now() from erased where "
                + "users.id = erased.id returning users.id, erased.username",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)},
                id == null ? new Object[0] : new Object[] {id});
        for (String[] user : erased) {
            throttle.forget(user[1]);
            log.info("erased the profile of user {}", user[0]);
        }
        return erased.size();
    }

    private static Set<Role> roles(String column) {
        List<Role> roles = Arrays.stream(column.split(",")).map(Role::fromClaim).flatMap(Optional::stream).toList();
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }
}
