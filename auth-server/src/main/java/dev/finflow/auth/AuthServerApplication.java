package dev.finflow.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Finflow's default identity provider: Spring Authorization Server with users and clients in PostgreSQL. It is a
 * servlet application (the authorization server has no WebFlux flavour); the Finflow services only ever see its
 * tokens and its public keys, so any OIDC provider can take its place.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthServerApplication.class, args);
    }
}
