package dev.finflow.command;

import dev.finflow.runtime.dispatch.DispatchConfiguration;
import dev.finflow.runtime.store.EventStoreConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The write model: accounts, transfers and (later) instruments, behind the REST command API. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({EventStoreConfiguration.class, DispatchConfiguration.class})
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
