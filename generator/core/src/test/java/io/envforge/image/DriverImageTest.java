package io.envforge.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.sun.net.httpserver.HttpServer;
import io.envforge.testing.FreePort;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
class DriverImageTest {

    private static final Path REGISTRY = Path.of(System.getProperty("envforge.tools.bin",
            System.getProperty("user.home") + "/.cache/envforge/tools/bin")).resolve("registry");
    private static final String MANIFEST_TYPES = "application/vnd.oci.image.manifest.v1+json,"
            + "application/vnd.docker.distribution.manifest.v2+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Process registry;
    static String host;
    static HttpServer maven;
    static Map<String, byte[]> mavenFiles = new HashMap<>();
    static byte[] jar;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(REGISTRY), "no registry binary at " + REGISTRY
                + "; run tools/build-components.sh registry");
        int port = FreePort.find();
        registry = new ProcessBuilder(REGISTRY.toString(), "-port", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        host = "127.0.0.1:" + port;
        awaitHttp("http://" + host + "/v2/");
        // A jar with the pinned content: the real one from the local Maven repository when present, so the pin is
        // the real driver's; the test's repository serves it as Maven Central would.
        Path local = Path.of(System.getProperty("user.home"), ".m2/repository",
                JdbcDriver.POSTGRESQL.repositoryPath());
        assumeTrue(Files.isRegularFile(local), "no " + local + " (mvn dependency:get -Dartifact="
                + JdbcDriver.POSTGRESQL.coordinates() + ")");
        jar = Files.readAllBytes(local);
        maven = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        maven.createContext("/maven2/", exchange -> {
            byte[] body = mavenFiles.get(exchange.getRequestURI().getPath().substring("/maven2/".length()));
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        maven.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (maven != null) {
            maven.stop(0);
        }
        if (registry != null) {
            registry.destroy();
            registry.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theDriverLandsInTheProductsLibFolderInOneNewLayerAndTheDigestIsTheRegistrys() throws Exception {
        String baseRepo = host + "/wso2/wso2am";
        String baseDigest = pushSyntheticBase(baseRepo + ":4.3.0");
        mavenFiles.put(JdbcDriver.POSTGRESQL.repositoryPath(), jar);
        Path fetched = DriverJar.fetch(JdbcDriver.POSTGRESQL, mavenUri(), dir.resolve("jars"));

        String libDir = DriverImage.libDir("wso2am", "4.3.0");
        assertEquals("/home/wso2carbon/wso2am-4.3.0/repository/components/lib", libDir);
        String target = host + "/envforge/wso2am:4.3.0-postgresql-42.7.14";
        String digest = new DriverImage(baseRepo + ":4.3.0@" + baseDigest, target, libDir, true, dir.resolve("jib"))
                .build(fetched, JdbcDriver.POSTGRESQL.fileName());

        HttpResponse<byte[]> byTag = get("/v2/envforge/wso2am/manifests/4.3.0-postgresql-42.7.14", MANIFEST_TYPES);
        assertEquals(200, byTag.statusCode());
        assertEquals(digest, byTag.headers().firstValue("Docker-Content-Digest").orElseThrow(),
                "the digest recorded is the registry's");
        JsonNode manifest = JSON.readTree(get("/v2/envforge/wso2am/manifests/" + digest, MANIFEST_TYPES).body());
        JsonNode base = JSON.readTree(get("/v2/wso2/wso2am/manifests/" + baseDigest, MANIFEST_TYPES).body());
        assertEquals(base.get("layers").size() + 1, manifest.get("layers").size(), "one layer more than the base");
        for (int i = 0; i < base.get("layers").size(); i++) {
            assertEquals(base.get("layers").get(i).get("digest"), manifest.get("layers").get(i).get("digest"));
        }
        JsonNode last = manifest.get("layers").get(manifest.get("layers").size() - 1);
        Map<String, byte[]> files = untar(get("/v2/envforge/wso2am/blobs/" + last.get("digest").asText(), "*/*").body());
        byte[] inImage = files.get("home/wso2carbon/wso2am-4.3.0/repository/components/lib/postgresql-42.7.14.jar");
        assertArrayEquals(jar, inImage, "the pinned driver at the product's lib folder; layer holds " + files.keySet());

        // The base's start command and account survive (jib keeps what the build does not set).
        JsonNode config = JSON.readTree(get("/v2/envforge/wso2am/blobs/" + manifest.get("config").get("digest")
                .asText(), "*/*").body()).get("config");
        assertEquals("10001", config.get("User").asText());
        assertEquals("/home/wso2carbon/wso2am-4.3.0/bin/api-manager.sh", config.get("Entrypoint").get(0).asText());
    }

    @Test
    void aJarThatIsNotThePinnedOneIsRefused() {
        JdbcDriver pinned = new JdbcDriver("org.example", "tampered", "1.0", JdbcDriver.POSTGRESQL.sha256());
        mavenFiles.put(pinned.repositoryPath(), "not the driver".getBytes());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DriverJar.fetch(pinned, mavenUri(), dir.resolve("tampered")));
        assertTrue(e.getMessage().contains("refusing the jar"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("tampered").resolve(pinned.fileName())));
    }

    @Test
    void aBaseImageByTagOnlyIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DriverImage("wso2/wso2mi:4.3.0", host + "/x:1", "/lib", true, dir));
        assertTrue(e.getMessage().contains("not pinned"), e.getMessage());
        assertEquals("/home/wso2carbon/wso2mi-4.3.0/lib", DriverImage.libDir("wso2mi", "4.3.0.12"));
    }

    /** A tiny stand-in for wso2/wso2am: the start script path, user 10001, pushed by jib from scratch. */
    private static String pushSyntheticBase(String ref) throws Exception {
        Path script = Files.writeString(dir.resolve("api-manager.sh"), "#!/bin/sh\necho started\n");
        var pushed = Jib.fromScratch()
                .addFileEntriesLayer(FileEntriesLayer.builder().addEntry(script,
                        AbsoluteUnixPath.get("/home/wso2carbon/wso2am-4.3.0/bin/api-manager.sh")).build())
                .setEntrypoint(List.of("/home/wso2carbon/wso2am-4.3.0/bin/api-manager.sh"))
                .setUser("10001")
                .containerize(Containerizer.to(RegistryImage.named(ref)).setAllowInsecureRegistries(true)
                        .setBaseImageLayersCache(dir.resolve("jib-base/base"))
                        .setApplicationLayersCache(dir.resolve("jib-base/app")));
        return pushed.getDigest().toString();
    }

    private static URI mavenUri() {
        return URI.create("http://127.0.0.1:" + maven.getAddress().getPort() + "/maven2/");
    }

    private static HttpResponse<byte[]> get(String path, String accept) throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build().send(
                HttpRequest.newBuilder(URI.create("http://" + host + path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, byte[]> untar(byte[] gzipped) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(gzipped));
                TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null;) {
                if (e.isFile()) {
                    out.put(e.getName().replaceFirst("^\\./", "").replaceFirst("^/", ""), tar.readAllBytes());
                }
            }
        }
        return out;
    }

    private static void awaitHttp(String url) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 100; i++) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("registry did not start: " + Files.readString(dir.resolve("registry.log")));
    }
}
