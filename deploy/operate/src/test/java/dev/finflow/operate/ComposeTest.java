package dev.finflow.operate;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/compose.yaml} read as Compose reads it (YAML with merge keys): what runs, how many replicas, health
 * checks, and that the files it mounts and the services Prometheus scrapes exist. (No Docker engine here to run it.)
 */
class ComposeTest {

    private final Path compose = Repository.file("deploy/compose.yaml");

    @Test
    void runsPostgresTheAuthServerTheThreeServicesWithTwoReplicasOfEachReaderPrometheusAndGrafana()
            throws Exception {
        Map<String, Map<String, Object>> services = services();

        assertThat(services).containsOnlyKeys("postgres", "auth-server", "command-side", "query-side",
                "ml-projector", "prometheus", "grafana");
        assertThat(replicas(services.get("query-side"))).isEqualTo(2);
        assertThat(replicas(services.get("ml-projector"))).isEqualTo(2);
        assertThat(replicas(services.get("command-side"))).isEqualTo(1);
        assertThat(replicas(services.get("auth-server"))).isEqualTo(1);
    }

    @Test
    void theServicesTrustTheAuthServerWhoseTokensNameTheAddressTheyReachItAt() throws Exception {
        Map<String, Map<String, Object>> services = services();
        Map<String, Object> auth = services.get("auth-server");
        Map<String, Object> authEnv = environment(auth);
        String issuer = (String) authEnv.get("FINFLOW_OIDC_ISSUER_URI");

        assertThat(auth.get("image")).isEqualTo("finflow/auth-server:0.1.0-SNAPSHOT");
        assertThat(issuer).isEqualTo("http://auth-server:8084");
        assertThat(authEnv).containsEntry("SERVER_ADDRESS", "0.0.0.0")
                .containsEntry("FINFLOW_DB_URL", "jdbc:postgresql://postgres:5432/finflow");
        assertThat(auth.get("ports")).isEqualTo(List.of("8084:8084"));
        assertThat(String.join(" ", healthCheck(auth))).contains("http://localhost:8084/actuator/health/readiness");
        for (String name : List.of("command-side", "query-side", "ml-projector")) {
            Map<String, Object> service = services.get(name);
            assertThat(environment(service)).as(name).containsEntry("FINFLOW_OIDC_ISSUER_URI", issuer)
                    .containsEntry("FINFLOW_OIDC_JWK_SET_URI", issuer + "/oauth2/jwks");
            assertThat(service.get("depends_on").toString()).as(name).contains("auth-server={condition=service_healthy}");
        }
    }

    @Test
    void theBrowserSignInSecretIsRequiredAndSharedByTheAuthServerAndTheQuerySide() throws Exception {
        Map<String, Map<String, Object>> services = services();
        Map<String, Object> authEnv = environment(services.get("auth-server"));
        Map<String, Object> queryEnv = environment(services.get("query-side"));

        assertThat(authEnv.get("FINFLOW_BFF_CLIENT_SECRET")).isEqualTo(queryEnv.get("FINFLOW_BFF_CLIENT_SECRET"))
                .isEqualTo("${FINFLOW_BFF_CLIENT_SECRET:?set FINFLOW_BFF_CLIENT_SECRET}");
        // Every query-side replica's host port is a registered redirect; the relays reach the other services.
        assertThat(((String) authEnv.get("FINFLOW_BFF_REDIRECT_URIS")).split(",")).containsExactly(
                "http://localhost:8082/bff/login/code/finflow", "http://localhost:8083/bff/login/code/finflow");
        assertThat(services.get("query-side").get("ports")).isEqualTo(List.of("8082-8083:8082"));
        assertThat(queryEnv).containsEntry("FINFLOW_BFF_COMMAND_URI", "http://command-side:8081")
                .containsEntry("FINFLOW_BFF_ML_URI", "http://ml-projector:8083");
    }

    @Test
    void everyFinflowServiceNeedsTheSameMasterKeyOfPersonalDataAndNeverFallsBackToTheDevelopmentKey()
            throws Exception {
        Map<String, Map<String, Object>> services = services();
        for (String name : List.of("command-side", "query-side", "ml-projector")) {
            assertThat(environment(services.get(name))).as(name).containsEntry("FINFLOW_KEYS_MASTER_KEY",
                    "${FINFLOW_KEYS_MASTER_KEY:?set FINFLOW_KEYS_MASTER_KEY (openssl rand -base64 32)}");
        }
    }

    @Test
    void everyFinflowServiceIsHealthCheckedOnItsReadinessAndWaitsForPostgres() throws Exception {
        Map<String, Map<String, Object>> services = services();
        Map<String, Integer> ports = Map.of("command-side", 8081, "query-side", 8082, "ml-projector", 8083);

        ports.forEach((name, port) -> {
            Map<String, Object> service = services.get(name);
            @SuppressWarnings("unchecked")
            Map<String, Object> health = (Map<String, Object>) service.get("healthcheck");
            assertThat(String.join(" ", (List<String>) health.get("test")))
                    .as(name).contains("http://localhost:" + port + "/actuator/health/readiness");
            assertThat(service.get("image")).as(name).isEqualTo("finflow/" + name + ":0.1.0-SNAPSHOT");
            assertThat(service.toString()).as(name).contains("FINFLOW_DB_URL=jdbc:postgresql://postgres:5432/finflow")
                    .contains("service_healthy");
        });
        assertThat(services.get("postgres")).containsKey("healthcheck");
    }

    @Test
    void mountsFilesThatExistAndPrometheusScrapesTheComposeServices() throws Exception {
        for (Map<String, Object> service : services().values()) {
            @SuppressWarnings("unchecked")
            List<String> volumes = (List<String>) service.getOrDefault("volumes", List.of());
            volumes.stream().filter(volume -> volume.startsWith("./")).forEach(volume ->
                    assertThat(compose.getParent().resolve(volume.substring(0, volume.indexOf(':')))).exists());
        }
        String prometheus = Files.readString(Repository.file("deploy/prometheus/prometheus.yml"));
        assertThat(prometheus).contains("names: [command-side]", "port: 8081", "names: [query-side]", "port: 8082",
                "names: [ml-projector]", "port: 8083");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> services() throws Exception {
        Map<String, Object> file = new Yaml().load(Files.readString(compose));
        return (Map<String, Map<String, Object>>) file.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.get("environment");
    }

    @SuppressWarnings("unchecked")
    private static List<String> healthCheck(Map<String, Object> service) {
        return (List<String>) ((Map<String, Object>) service.get("healthcheck")).get("test");
    }

    @SuppressWarnings("unchecked")
    private static int replicas(Map<String, Object> service) {
        Map<String, Object> deploy = (Map<String, Object>) service.getOrDefault("deploy", Map.of());
        return (Integer) deploy.getOrDefault("replicas", 1);
    }
}
