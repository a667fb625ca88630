package dev.finflow.runner;

import java.nio.file.Files;
import java.nio.file.Path;

/** Tells a newcomer how to sign in once the stack is up: where the first-start credentials are, how to get a token. */
final class SignInHelp {

    private SignInHelp() {
    }

    static void print(String issuer, Path credentials) {
        System.out.println("[runner] Every API call needs a bearer token from " + issuer + ".");
        if (Files.exists(credentials)) {
            System.out.println("[runner]   The first start's admin password and script client secret are in "
                    + credentials + " (mode 600).");
        } else {
            System.out.println("[runner]   Credentials: those printed by auth-server on its first start.");
        }
        System.out.println("[runner]   A token for scripts:  . " + credentials + " && TOKEN=$(curl -s -u "
                + "\"$FINFLOW_CLIENT_ID:$FINFLOW_CLIENT_SECRET\" -d grant_type=client_credentials " + issuer
                + "/oauth2/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')");
        System.out.println("[runner]   then:  curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:8082/api/v1/"
                + "instruments");
        System.out.println("[runner]   The dashboard: http://127.0.0.1:8082/  (sign in as admin with the password in "
                + credentials + ")");
    }
}
