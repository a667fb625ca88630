package dev.finflow.operate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kustomize base in {@code deploy/k8s}, checked without a cluster or network: every manifest the
 * kustomization lists is read into Kubernetes' own API types (fabric8's model, generated from the Kubernetes
 * OpenAPI schema), wrong types fail to bind and a field the schema does not know fails the test (the model would
 * keep it aside as an "additional property" that a cluster would reject or silently drop). Then what operators
 * rely on: probes on the actuator's health groups, resources, a non-root user, Services that select pods.
 */
class KubernetesManifestsTest {

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Namespace", Namespace.class, "Deployment", Deployment.class, "Service", Service.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private final Path base = Repository.file("deploy/k8s");

    @Test
    void everyListedManifestBindsToTheKubernetesApiTypesWithoutUnknownFields() throws Exception {
        List<HasMetadata> resources = resources();

        assertThat(resources).extracting(HasMetadata::getKind).containsExactlyInAnyOrder("Namespace",
                "Deployment", "Service", "Deployment", "Service", "Deployment", "Service");
        for (HasMetadata resource : resources) {
            assertThat(unknownFields(resource, "", new IdentityHashMap<>()))
                    .as("%s %s", resource.getKind(), resource.getMetadata().getName()).isEmpty();
        }
    }

    @Test
    void everyContainerHasProbesOnTheActuatorResourcesAndRunsAsNonRoot() throws Exception {
        List<Deployment> deployments = resources().stream().filter(Deployment.class::isInstance)
                .map(Deployment.class::cast).toList();

        assertThat(deployments).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("command-side", "query-side", "ml-projector");
        for (Deployment deployment : deployments) {
            String name = deployment.getMetadata().getName();
            assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot())
                    .as(name).isTrue();
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                assertThat(path(container.getReadinessProbe())).as(name).isEqualTo("/actuator/health/readiness");
                assertThat(path(container.getLivenessProbe())).as(name).isEqualTo("/actuator/health/liveness");
                assertThat(path(container.getStartupProbe())).as(name).isEqualTo("/actuator/health/liveness");
                assertThat(container.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(name).containsKey("memory");
                assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
                assertThat(container.getImage()).as(name).isEqualTo("finflow/" + name);
            }
        }
        assertThat(deployments).filteredOn(d -> !d.getMetadata().getName().equals("command-side"))
                .allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(2));
    }

    @Test
    void everyServiceSelectsTheLabelsOfOneDeploymentsPods() throws Exception {
        List<HasMetadata> resources = resources();
        List<Map<String, String>> podLabels = resources.stream().filter(Deployment.class::isInstance)
                .map(d -> ((Deployment) d).getSpec().getTemplate().getMetadata().getLabels()).toList();

        resources.stream().filter(Service.class::isInstance).map(Service.class::cast).forEach(service ->
                assertThat(podLabels).as(service.getMetadata().getName()).filteredOn(labels ->
                        labels.entrySet().containsAll(service.getSpec().getSelector().entrySet())).hasSize(1));
    }

    @Test
    void theKustomizationNamesFilesThatExistAndImagesTheDeploymentsUse() throws Exception {
        Map<String, Object> kustomization = kustomization();

        assertThat(kustomization.get("apiVersion")).isEqualTo("kustomize.config.k8s.io/v1beta1");
        assertThat(kustomization.get("kind")).isEqualTo("Kustomization");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> secrets = (List<Map<String, Object>>) kustomization.get("secretGenerator");
        @SuppressWarnings("unchecked")
        List<String> envs = (List<String>) secrets.get(0).get("envs");
        assertThat(base.resolve(envs.get(0))).exists();
        assertThat(Files.readString(base.resolve(envs.get(0)))).contains("FINFLOW_DB_URL=", "FINFLOW_DB_USER=",
                "FINFLOW_DB_PASSWORD=");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> images = (List<Map<String, Object>>) kustomization.get("images");
        assertThat(images).extracting(image -> image.get("name")).containsExactlyInAnyOrder(
                "finflow/command-side", "finflow/query-side", "finflow/ml-projector");
    }

    private List<HasMetadata> resources() throws Exception {
        List<HasMetadata> resources = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<String> files = (List<String>) kustomization().get("resources");
        for (String file : files) {
            for (Object document : new Yaml().loadAll(Files.readString(base.resolve(file)))) {
                @SuppressWarnings("unchecked")
                String kind = (String) ((Map<String, Object>) document).get("kind");
                assertThat(KINDS).as("kind %s in %s", kind, file).containsKey(kind);
                HasMetadata resource = YAML.convertValue(document, KINDS.get(kind));
                assertThat(resource.getApiVersion()).as(file).isEqualTo(
                        kind.equals("Deployment") ? "apps/v1" : "v1");
                resources.add(resource);
            }
        }
        return resources;
    }

    private Map<String, Object> kustomization() throws Exception {
        return new Yaml().load(Files.readString(base.resolve("kustomization.yaml")));
    }

    private static String path(Probe probe) {
        assertThat(probe).isNotNull();
        return probe.getHttpGet().getPath();
    }

    /** Paths of fields the API types did not know, found by walking the bound model. */
    private static List<String> unknownFields(Object node, String path, Map<Object, Boolean> seen) throws Exception {
        List<String> unknown = new ArrayList<>();
        if (node == null || seen.put(node, true) != null) {
            return unknown;
        }
        if (node instanceof Collection<?> collection) {
            int i = 0;
            for (Object item : collection) {
                unknown.addAll(unknownFields(item, path + "[" + i++ + "]", seen));
            }
            return unknown;
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                unknown.addAll(unknownFields(entry.getValue(), path + "." + entry.getKey(), seen));
            }
            return unknown;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return unknown;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || Set.of("getClass", "getAdditionalPropertiesNode").contains(getter.getName())) {
                continue;
            }
            Object value = getter.invoke(node);
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) value).keySet().forEach(key -> unknown.add(path + "." + key));
            } else {
                unknown.addAll(unknownFields(value, path + "." + getter.getName().substring(3), seen));
            }
        }
        return unknown;
    }
}
