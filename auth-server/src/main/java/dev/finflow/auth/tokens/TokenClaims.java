package dev.finflow.auth.tokens;

import dev.finflow.auth.clients.ScriptClients;
import dev.finflow.auth.users.FinflowUser;
import dev.finflow.auth.users.UserAccounts;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
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
 *
 * <p>A refresh token of a user who has been disabled since signing in is refused ({@code invalid_grant}), so a
 * browser session ends at its next refresh rather than living on for the refresh token's lifetime.
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLES_CLAIM = "roles";

    private final UserAccounts users;

    TokenClaims(UserAccounts users) {
        this.users = users;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (AuthorizationGrantType.REFRESH_TOKEN.equals(context.getAuthorizationGrantType())
                && !users.byId(context.getPrincipal().getName()).map(FinflowUser::enabled).orElse(false)) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                    "the user is disabled or no longer exists", null));
        }
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
