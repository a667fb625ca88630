package dev.finflow.events.identity;

/** Why a sign-in was refused. */
public enum SignInFailure {
    BAD_PASSWORD,
    DISABLED,
    /** Refused before the password was checked: too many failures in a row (login throttling). */
    LOCKED_OUT,
    /** No user has the typed username (which is not recorded). */
    UNKNOWN_USER
}
