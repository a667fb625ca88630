package dev.finflow.security;

import dev.finflow.events.identity.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a token's Finflow roles from the configured claim (a name or a dotted path into nested claims) and maps
 * each known role name to {@code ROLE_<NAME>}. Names Finflow does not know are ignored, so an issuer's own roles
 * never grant anything here.
 */
final class RolesClaim implements Converter<Jwt, Collection<GrantedAuthority>> {

    private final String[] path;

    RolesClaim(String claim) {
        this.path = claim.split("\\.");
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        Object value = jwt.getClaims();
        for (String step : path) {
            value = value instanceof Map<?, ?> map ? map.get(step) : null;
        }
        List<?> names = value instanceof Collection<?> collection ? List.copyOf(collection)
                : value instanceof String text ? List.of(text.split("[ ,]+")) : List.of();
        return names.stream().map(name -> Role.fromClaim(String.valueOf(name))).flatMap(Optional::stream)
                .distinct().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
    }
}
