package dev.finflow.command.replicas;

import dev.finflow.command.CommandSideApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.List;

/** Starts another command side on the database of a running one, as a second replica in production would be. */
final class SecondInstance {

    private SecondInstance() {
    }

    /** A command side on {@code first}'s database with a random port; {@code extra} are more {@code --key=value}. */
    static ConfigurableApplicationContext start(Environment first, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--finflow.sample-data.enabled=false",
                // Command-line arguments: they outrank application.yml's ${FINFLOW_DB_URL:} placeholders.
                "--finflow.db.url=" + first.getProperty("finflow.db.url"),
                "--finflow.db.user=" + first.getProperty("finflow.db.user"),
                "--finflow.db.password=" + first.getProperty("finflow.db.password", ""),
                // The first instance's token issuer (the test issuer), so the writers' tokens are valid on both.
                "--finflow.identity.issuer-uri=" + first.getProperty("finflow.identity.issuer-uri")));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(CommandSideApplication.class).run(args.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext instance) {
        return instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }
}
