package dev.finflow.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whose tokens a service trusts ({@code finflow.identity.*}).
 *
 * @param issuerUri  the OIDC issuer: tokens must name it, and its discovery document gives the keys
 * @param jwkSetUri  the issuer's JWK set, when discovery should be skipped; blank = from discovery
 * @param rolesClaim where the roles are in a token: a claim name, or a dotted path into nested claims
 *                   ({@code realm_access.roles} for Keycloak)
 */
@ConfigurationProperties("finflow.identity")
public record IdentityProperties(String issuerUri, String jwkSetUri, String rolesClaim) {

    public IdentityProperties {
        if (issuerUri == null || issuerUri.isBlank()) {
            throw new IllegalArgumentException("finflow.identity.issuer-uri (FINFLOW_OIDC_ISSUER_URI) is required: "
                    + "Finflow services only answer callers with a token from a trusted issuer");
        }
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
    }
}
