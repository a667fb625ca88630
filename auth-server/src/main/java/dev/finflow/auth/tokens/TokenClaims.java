package dev.finflow.auth.tokens;

import dev.finflow.auth.clients.ScriptClients;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * Puts the caller's Finflow roles into every access token, as the {@code roles} claim the services read
 * ({@code finflow.security.roles-claim}). A user's roles come from the users table (through the signed-in
 * authentication); a script client's from its registration. The subject is already the opaque user id (or the
 * client id), never a name or an email.
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLES_CLAIM = "roles";

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        List<String> roles;
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            roles = ScriptClients.roles(context.getRegisteredClient());
        } else {
            roles = context.getPrincipal().getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(authority -> authority.startsWith("ROLE_"))
                    .map(authority -> authority.substring(5).toLowerCase(Locale.ROOT).replace('_', '-'))
                    .toList();
        }
        context.getClaims().claim(ROLES_CLAIM, roles);
    }
}
