package dev.finflow.testing;

import dev.finflow.events.identity.Role;

/** Bearer tokens from the shared {@link TestIssuer}, for tests that call a service as a particular caller. */
public final class TestTokens {

    /** The subject of the default token every auto-configured {@code WebTestClient} sends. */
    public static final String DEFAULT_SUBJECT = "test-user";

    private TestTokens() {
    }

    /** {@code Bearer <token>} for {@code subject} with these roles, from the shared test issuer. */
    public static String bearer(String subject, Role... roles) {
        return "Bearer " + TestIssuer.shared().token(subject, roles);
    }
}
