package io.envforge.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.envforge.testing.LocalRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The derived product image against a real OCI registry (go-containerregistry's, on 127.0.0.1, built by
 * tools/build-components.sh registry): a synthetic base pushed there by jib, the driver fetched from a Maven
 * repository over HTTP and checked against its pin, the image built and pushed, then the manifest and the new layer
 * read back from the registry's own API.
 */
class DriverImageIT {

    private static final String MANIFEST_TYPES = LocalRegistry.MANIFEST_TYPES;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static LocalRegistry registry;
    static String host;
    static byte[] jar;
    static byte[] agent;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(
                LocalRegistry.available(),
                "no registry binary at " + LocalRegistry.BINARY + "; run tools/build-components.sh registry");
        // The real driver from the local Maven repository, so the pin checked is the real one; the test's Maven
        // repository serves it as Maven Central would.
        Path local = Path.of(System.getProperty("user.home"), ".m2/repository", JdbcDriver.POSTGRESQL.repositoryPath());
        assumeTrue(
                Files.isRegularFile(local),
                "no " + local + " (mvn dependency:get -Dartifact=" + JdbcDriver.POSTGRESQL.coordinates() + ")");
        jar = Files.readAllBytes(local);
        Path agentLocal = Path.of(System.getProperty("user.home"), ".m2/repository", MetricsAgent.JAR.repositoryPath());
        assumeTrue(
                Files.isRegularFile(agentLocal),
                "no " + agentLocal + " (mvn dependency:get -Dartifact=" + MetricsAgent.JAR.coordinates() + ")");
        agent = Files.readAllBytes(agentLocal);
        registry = new LocalRegistry(dir);
        host = registry.host;
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void theDriverLandsInTheProductsLibFolderInOneNewLayerAndTheDigestIsTheRegistrys() throws Exception {
        String baseRepo = host + "/wso2/wso2am";
        String baseDigest =
                registry.pushBase(baseRepo + ":4.3.0", "/home/wso2carbon/wso2am-4.3.0/bin/api-manager.sh", "10001");
        registry.mavenFiles.put(JdbcDriver.POSTGRESQL.repositoryPath(), jar);
        Path fetched = DriverJar.fetch(JdbcDriver.POSTGRESQL, registry.mavenUri(), dir.resolve("jars"));
        registry.mavenFiles.put(MetricsAgent.JAR.repositoryPath(), agent);
        Path agentJar = DriverJar.fetch(MetricsAgent.JAR, registry.mavenUri(), dir.resolve("jars"));

        String libDir = DriverImage.libDir("wso2am", "4.3.0");
        assertEquals("/home/wso2carbon/wso2am-4.3.0/repository/components/lib", libDir);
        String target = host + "/envforge/wso2am:4.3.0-postgresql-42.7.14";
        String digest = new DriverImage(baseRepo + ":4.3.0@" + baseDigest, target, libDir, true, dir.resolve("jib"))
                .build(fetched, JdbcDriver.POSTGRESQL.fileName(), List.of(MetricsAgent.layer(agentJar)));

        var byTag = registry.get("/v2/envforge/wso2am/manifests/4.3.0-postgresql-42.7.14", MANIFEST_TYPES);
        assertEquals(200, byTag.statusCode());
        assertEquals(
                digest,
                byTag.headers().firstValue("Docker-Content-Digest").orElseThrow(),
                "the digest recorded is the registry's");
        JsonNode manifest = JSON.readTree(registry.get("/v2/envforge/wso2am/manifests/" + digest, MANIFEST_TYPES)
                .body());
        JsonNode base = JSON.readTree(registry.get("/v2/wso2/wso2am/manifests/" + baseDigest, MANIFEST_TYPES)
                .body());
        assertEquals(base.get("layers").size() + 2, manifest.get("layers").size(), "driver and agent layers");
        for (int i = 0; i < base.get("layers").size(); i++) {
            assertEquals(
                    base.get("layers").get(i).get("digest"),
                    manifest.get("layers").get(i).get("digest"));
        }
        JsonNode driverLayer = manifest.get("layers").get(base.get("layers").size());
        Map<String, byte[]> files = untar(registry.get(
                        "/v2/envforge/wso2am/blobs/" + driverLayer.get("digest").asText(), "*/*")
                .body());
        byte[] inImage = files.get("home/wso2carbon/wso2am-4.3.0/repository/components/lib/postgresql-42.7.14.jar");
        assertArrayEquals(jar, inImage, "the pinned driver at the product's lib folder; layer holds " + files.keySet());
        JsonNode agentLayer = manifest.get("layers").get(base.get("layers").size() + 1);
        Map<String, byte[]> agentFiles = untar(registry.get(
                        "/v2/envforge/wso2am/blobs/" + agentLayer.get("digest").asText(), "*/*")
                .body());
        // The path the api-gateway chart's JAVA_OPTS name by default (metrics.agentJar).
        assertEquals("/opt/jmx-exporter/jmx_prometheus_javaagent-1.0.1.jar", MetricsAgent.PATH);
        assertArrayEquals(
                agent,
                agentFiles.get(MetricsAgent.PATH.substring(1)),
                "the pinned JMX exporter agent; layer holds " + agentFiles.keySet());

        // The base's start command and account survive (jib keeps what the build does not set).
        JsonNode config = JSON.readTree(registry.get(
                                "/v2/envforge/wso2am/blobs/"
                                        + manifest.get("config").get("digest").asText(),
                                "*/*")
                        .body())
                .get("config");
        assertEquals("10001", config.get("User").asText());
        assertEquals(
                "/home/wso2carbon/wso2am-4.3.0/bin/api-manager.sh",
                config.get("Entrypoint").get(0).asText());
    }

    @Test
    void aJarThatIsNotThePinnedOneIsRefused() {
        JdbcDriver pinned = new JdbcDriver("org.example", "tampered", "1.0", JdbcDriver.POSTGRESQL.sha256());
        registry.mavenFiles.put(pinned.repositoryPath(), "not the driver".getBytes());
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> DriverJar.fetch(pinned, registry.mavenUri(), dir.resolve("tampered")));
        assertTrue(e.getMessage().contains("refusing the jar"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("tampered").resolve(pinned.fileName())));
    }

    @Test
    void aBaseImageByTagOnlyIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new DriverImage("wso2/wso2mi:4.3.0", host + "/x:1", "/lib", true, dir));
        assertTrue(e.getMessage().contains("not pinned"), e.getMessage());
        assertEquals("/home/wso2carbon/wso2mi-4.3.0/lib", DriverImage.libDir("wso2mi", "4.3.0.12"));
    }

    private static Map<String, byte[]> untar(byte[] gzipped) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(gzipped));
                TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (e.isFile()) {
                    out.put(e.getName().replaceFirst("^\\./", "").replaceFirst("^/", ""), tar.readAllBytes());
                }
            }
        }
        return out;
    }
}
