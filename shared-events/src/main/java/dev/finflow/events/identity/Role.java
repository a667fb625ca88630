package dev.finflow.events.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a signed-in caller may do, as named in a token's roles claim. The authorization server issues these names
 * and every service maps them the same way; which accounts an owner or viewer may touch is not a role but a grant,
 * decided from Finflow's own events.
 */
public enum Role {
    /** Opens accounts and reads and writes the accounts they own. */
    OWNER("owner"),
    /** Reads the accounts granted to them, writes nothing. */
    VIEWER("viewer"),
    /** Reads the audit trail and lineage across accounts, writes nothing. */
    AUDITOR("auditor"),
    /** Instruments, bars, corporate actions and ingestion. */
    MARKET_DATA("market-data"),
    /** Projection administration, users and grants. */
    ADMIN("admin"),
    /** Scrapes {@code /actuator/prometheus} and nothing else (a monitoring system's client). */
    METRICS("metrics");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    /** The name in a token's roles claim ({@code market-data}). */
    public String claimValue() {
        return claimValue;
    }

    /** The role a claim value names, ignoring case; empty for names Finflow does not know. */
    public static Optional<Role> fromClaim(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(role -> role.claimValue.equals(wanted)).findFirst();
    }
}
