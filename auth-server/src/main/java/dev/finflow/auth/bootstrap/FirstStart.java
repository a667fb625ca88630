package dev.finflow.auth.bootstrap;

import dev.finflow.auth.AuthProperties;
import dev.finflow.auth.clients.ScriptClients;
import dev.finflow.auth.users.UserAccounts;
import dev.finflow.events.identity.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;

/**
 * On the very first start (no user yet) creates the {@code admin} user and the {@code finflow-cli} script client,
 * each with a generated secret that is printed once (and written to {@code finflow.auth.credentials-file} when
 * set, readable by its owner only). Nothing is ever printed again: the database keeps only bcrypt hashes.
 */
@Component
class FirstStart implements ApplicationRunner {

    static final String ADMIN = "admin";
    static final String SCRIPT_CLIENT = "finflow-cli";
    /** Who created the first admin, in the event store: this process, as no one has signed in yet. */
    static final String PRINCIPAL = "auth-server/first-start";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserAccounts users;
    private final ScriptClients clients;
    private final AuthProperties properties;
    private final SecureRandom random = new SecureRandom();

    FirstStart(UserAccounts users, ScriptClients clients, AuthProperties properties) {
        this.users = users;
        this.clients = clients;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.any()) {
            return;
        }
        String password = secret();
        users.create(ADMIN, password, EnumSet.of(Role.ADMIN, Role.AUDITOR), PRINCIPAL);
        String clientSecret = secret();
        if (!clients.exists(SCRIPT_CLIENT)) {
            clients.register(SCRIPT_CLIENT, clientSecret,
                    EnumSet.of(Role.OWNER, Role.MARKET_DATA, Role.AUDITOR, Role.ADMIN));
        }
        String credentials = "FINFLOW_ADMIN_USER=" + ADMIN + "\nFINFLOW_ADMIN_PASSWORD=" + password
                + "\nFINFLOW_CLIENT_ID=" + SCRIPT_CLIENT + "\nFINFLOW_CLIENT_SECRET=" + clientSecret + "\n";
        System.out.println("""

                ================================================================================
                 First start: Finflow created these credentials. They are shown only this once.
                 Sign in as user 'admin' with password: %s
                 Scripts: client-credentials client 'finflow-cli' with secret: %s
                %s================================================================================
                """.formatted(password, clientSecret, writeFile(credentials)));
    }

    private String writeFile(String credentials) {
        String file = properties.credentialsFile();
        if (file == null || file.isBlank()) {
            return "";
        }
        try {
            Path path = Path.of(file);
            Files.deleteIfExists(path);
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(path, credentials);
            return " Also written to " + path.toAbsolutePath() + " (mode 600).\n";
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the first-start credentials to " + file, e);
        }
    }

    private String secret() {
        StringBuilder secret = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            secret.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }
}
