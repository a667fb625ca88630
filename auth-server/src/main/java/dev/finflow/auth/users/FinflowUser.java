package dev.finflow.auth.users;

import dev.finflow.events.identity.Role;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Set;

/**
 * A person who signs in. {@code id} is opaque and is what tokens carry as their subject (so what every event
 * records as its principal); the username is only for signing in and never leaves the authorization server.
 */
public record FinflowUser(String id, String username, String passwordHash, Set<Role> roles, boolean enabled) {

    /** Spring Security's view of this user; its name is the opaque id, so the token subject is too. */
    UserDetails details(boolean lockedOut) {
        return User.withUsername(id)
                .password(passwordHash)
                .disabled(!enabled)
                .accountLocked(lockedOut)
                .authorities(roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList())
                .build();
    }
}
