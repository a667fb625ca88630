package dev.finflow.operate;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container images' build (Maven profile "images", not run in CI: it needs root and about a gigabyte of Debian
 * packages) checked where it can go wrong without running it: only Jib's tarball goal (no registry, no engine), a
 * base image from the local tarball that {@code deploy/images/build-base.sh} assembles, a numeric non-root user
 * that the base image defines, the ports and names compose and Kubernetes expect, and curl for health checks.
 */
class ImageConfigurationTest {

    private static final Map<String, String> PORTS = Map.of("command-side", "8081", "query-side", "8082",
            "ml-projector", "8083", "auth-server", "8084");

    @Test
    void theImagesProfileBuildsTarballsOnTopOfTheLocalBaseAsANonRootUser() throws Exception {
        Element jib = jibPlugin();

        assertThat(texts(jib, "goal")).containsExactly("buildTar");
        assertThat(text(jib, "from")).isEqualTo("tar://${project.basedir}/../deploy/images/target/finflow-base.tar");
        assertThat(text(jib, "to")).isEqualTo("finflow/${project.artifactId}:${project.version}");
        assertThat(text(jib, "user")).matches("[1-9][0-9]*:[1-9][0-9]*");
        assertThat(text(jib, "tar")).isEqualTo("${project.build.directory}/jib-image.tar");
        assertThat(text(jib, "skip")).isEqualTo("${finflow.image.skip}");
        assertThat(text(jib, "port")).isEqualTo("${finflow.image.port}");
    }

    @Test
    void eachServiceAndTheAuthServerBuildItsImageOnItsPortAndNothingElseDoes() throws Exception {
        assertThat(property(document("pom.xml"), "finflow.image.skip")).isEqualTo("true");
        for (Map.Entry<String, String> service : PORTS.entrySet()) {
            Document pom = document(service.getKey() + "/pom.xml");
            assertThat(property(pom, "finflow.image.skip")).as(service.getKey()).isEqualTo("false");
            assertThat(property(pom, "finflow.image.port")).as(service.getKey()).isEqualTo(service.getValue());
        }
    }

    @Test
    void theBaseImageHasTheJavaRuntimeCurlForHealthChecksAndTheUserTheImagesRunAs() throws Exception {
        String script = Files.readString(Repository.file("deploy/images/build-base.sh"));
        String user = text(jibPlugin(), "user");
        String uid = user.substring(0, user.indexOf(':'));

        assertThat(script).contains("--include=openjdk-17-jre-headless,curl,ca-certificates")
                .contains("finflow:x:" + uid + ":" + uid + ":").contains("save_image.py");
        assertThat(Files.readString(Repository.file("deploy/images/save_image.py")))
                .contains("\"User\": \"" + user + "\"");
        assertThat(Files.readString(Repository.file("deploy/compose.yaml"))).contains("\"curl\", \"-fsS\"");
    }

    private static Element jibPlugin() throws Exception {
        NodeList profiles = document("pom.xml").getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if (text(profile, "id").equals("images")) {
                NodeList plugins = profile.getElementsByTagName("plugin");
                for (int j = 0; j < plugins.getLength(); j++) {
                    Element plugin = (Element) plugins.item(j);
                    if (text(plugin, "artifactId").equals("jib-maven-plugin")) {
                        return plugin;
                    }
                }
            }
        }
        throw new AssertionError("no jib-maven-plugin in the parent pom's profile \"images\"");
    }

    private static Document document(String pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Repository.file(pom).toFile());
    }

    private static String property(Document pom, String name) {
        NodeList properties = pom.getElementsByTagName("properties");
        for (int i = 0; i < properties.getLength(); i++) {
            Node parent = properties.item(i).getParentNode();
            if (parent.getNodeName().equals("project")) {
                return text((Element) properties.item(i), name);
            }
        }
        return null;
    }

    private static String text(Element element, String tag) {
        List<String> texts = texts(element, tag);
        return texts.isEmpty() ? null : texts.get(0);
    }

    private static List<String> texts(Element element, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = element.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().trim());
        }
        return texts;
    }
}
