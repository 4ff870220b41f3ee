package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.envforge.api.GenerateResult;
import io.envforge.error.EnvforgeException;
import io.envforge.image.JdbcDriver;
import io.envforge.image.MetricsAgent;
import io.envforge.image.RunnerLock;
import io.envforge.render.Yaml;
import io.envforge.testing.LocalRegistry;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code envforge images} then {@code generate}: the digests the real registry (127.0.0.1) holds for the pushed
 * images are what the environment's values and rendered pods use, as {@code repository@digest}.
 */
class ImagesIT {

    @Test
    void theValuesPinTheImagesTheRegistryHolds(@TempDir Path dir) throws Exception {
        assumeTrue(
                LocalRegistry.available(), "no " + LocalRegistry.BINARY + "; run tools/build-components.sh registry");
        Path local = Path.of(System.getProperty("user.home"), ".m2/repository", JdbcDriver.POSTGRESQL.repositoryPath());
        assumeTrue(Files.isRegularFile(local), "no " + local);
        Path work = Files.createDirectories(dir.resolve("ws"));
        try (LocalRegistry registry = new LocalRegistry(Files.createDirectories(dir.resolve("registry")))) {
            registry.mavenFiles.put(JdbcDriver.POSTGRESQL.repositoryPath(), Files.readAllBytes(local));
            Path agent = Path.of(System.getProperty("user.home"), ".m2/repository", MetricsAgent.JAR.repositoryPath());
            assumeTrue(Files.isRegularFile(agent), "no " + agent);
            registry.mavenFiles.put(MetricsAgent.JAR.repositoryPath(), Files.readAllBytes(agent));
            String am = registry.pushBase(
                    registry.host + "/wso2/wso2am:4.3.0", "/home/wso2carbon/wso2am-4.3.0/bin/api-manager.sh", "10001");
            String mi = registry.pushBase(
                    registry.host + "/wso2/wso2mi:4.3.0",
                    "/home/wso2carbon/wso2mi-4.3.0/bin/micro-integrator.sh",
                    "802");
            Scratch ws = Scratch.in(work).spec("dev1", "aws", "10.20.0.0/20", "");
            String platform = ws.read("environments/platform.yaml")
                    .replace(
                            "repository: wso2/wso2am\n          tag: 4.3.0\n",
                            "repository: " + registry.host + "/wso2/wso2am\n          tag: 4.3.0\n          digest: "
                                    + am + "\n")
                    .replace(
                            "repository: wso2/wso2mi\n          tag: 4.3.0\n",
                            "repository: " + registry.host + "/wso2/wso2mi\n          tag: 4.3.0\n          digest: "
                                    + mi + "\n");
            assertTrue(platform.contains(am) && platform.contains(mi), "base digests set in the platform file");
            ws.write("environments/platform.yaml", platform);

            List<Images.Built> built = Images.build(new Images.Request(
                    ws.root(), "dev1", registry.host + "/envforge", registry.mavenUri(), true, dir.resolve("cache")));
            assertEquals(2, built.size());

            GenerateResult result = ws.generate(true, "dev1");
            assertFalse(result.report().hasErrors(), result.report().render());
            for (String[] layer : List.of(
                    new String[] {"api-gateway", "wso2am", "StatefulSet"},
                    new String[] {"integration", "wso2mi", "Deployment"})) {
                String tag = "4.3.0-postgresql-" + JdbcDriver.POSTGRESQL.version();
                String inRegistry = registry.digestOf("envforge/" + layer[1], tag);
                Map<String, Object> values = Yaml.loadAll(ws.read("overlays/dev1/layers/" + layer[0] + ".values.yaml"))
                        .get(0);
                assertEquals(inRegistry, ((Map<?, ?>) values.get("image")).get("digest"), layer[0]);
                assertEquals(
                        registry.host + "/envforge/" + layer[1], ((Map<?, ?>) values.get("image")).get("repository"));
                String rendered = ws.read("overlays/dev1/layers/" + layer[0] + ".yaml");
                assertTrue(
                        rendered.contains("image: " + registry.host + "/envforge/" + layer[1] + "@" + inRegistry),
                        layer[0] + " pods run the pinned image");
                assertFalse(
                        rendered.contains("image: " + registry.host + "/envforge/" + layer[1] + ":"),
                        layer[0] + " no container by tag");
            }
            assertTrue(ws.read("environments/dev1.yaml").contains("digest: sha256:"), "the spec records the digests");
            // The agent jar the API layer's start option names is a file of the image the pods run.
            String apiPods = ws.read("overlays/dev1/layers/api-gateway.yaml");
            // The chart's start.sh adds -javaagent:$METRICS_JAVA_AGENT to JAVA_OPTS when that jar is in the image.
            Matcher option = Pattern.compile("name: METRICS_JAVA_AGENT\\s+value: \"?(/\\S+\\.jar)=")
                    .matcher(apiPods);
            assertTrue(option.find(), "the API layer starts the metrics agent");
            String apiDigest =
                    registry.digestOf("envforge/wso2am", "4.3.0-postgresql-" + JdbcDriver.POSTGRESQL.version());
            assertTrue(
                    filesOf(registry, "envforge/wso2am", apiDigest)
                            .contains(option.group(1).substring(1)),
                    option.group(1) + " is in the pushed image");
        }
    }

    /** Every file path of an image's layers, read from the registry's own API. */
    private static Set<String> filesOf(LocalRegistry registry, String repository, String digest) throws Exception {
        JsonNode manifest = new ObjectMapper()
                .readTree(registry.get("/v2/" + repository + "/manifests/" + digest, LocalRegistry.MANIFEST_TYPES)
                        .body());
        Set<String> files = new TreeSet<>();
        for (JsonNode layer : manifest.get("layers")) {
            byte[] blob = registry.get(
                            "/v2/" + repository + "/blobs/"
                                    + layer.get("digest").asText(),
                            "*/*")
                    .body();
            try (TarArchiveInputStream tar =
                    new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(blob)))) {
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                    files.add(e.getName().replaceFirst("^\\./", "").replaceFirst("^/", ""));
                }
            }
        }
        return files;
    }

    @Test
    void anUnpinnedBaseIsRefusedNamingThePlatformFile(@TempDir Path dir) throws Exception {
        assumeTrue(LocalRegistry.available(), "no " + LocalRegistry.BINARY);
        Path local = Path.of(System.getProperty("user.home"), ".m2/repository", JdbcDriver.POSTGRESQL.repositoryPath());
        assumeTrue(Files.isRegularFile(local), "no " + local);
        try (LocalRegistry registry = new LocalRegistry(Files.createDirectories(dir.resolve("registry")))) {
            registry.mavenFiles.put(JdbcDriver.POSTGRESQL.repositoryPath(), Files.readAllBytes(local));
            Scratch ws = Scratch.in(Files.createDirectories(dir.resolve("ws"))).spec("dev1", "aws", "10.20.0.0/20", "");
            EnvforgeException e = assertThrows(
                    EnvforgeException.class,
                    () -> Images.build(new Images.Request(
                            ws.root(),
                            "dev1",
                            registry.host + "/envforge",
                            registry.mavenUri(),
                            true,
                            dir.resolve("c"))));
            assertTrue(
                    e.getMessage().contains("environments/platform.yaml")
                            && e.getMessage().contains("spec.defaults.layers.api.image.digest"),
                    e.getMessage());
        }
    }

    /**
     * With the Python base pinned in the platform file, {@code images} builds the preparation runner too and writes
     * its {@code repository@digest} into the spec, and the next {@code generate} renders the preparation Job with it
     * (before, {@code preparation.image} had to be filled by hand and nothing built the image). The image's content
     * is RunnerImageTest's.
     */
    @Test
    void aPinnedPythonBaseGivesThePreparationJobItsRunner(@TempDir Path dir) throws Exception {
        assumeTrue(LocalRegistry.available(), "no " + LocalRegistry.BINARY);
        Path local = Path.of(System.getProperty("user.home"), ".m2/repository", JdbcDriver.POSTGRESQL.repositoryPath());
        assumeTrue(Files.isRegularFile(local), "no " + local);
        Path repo = Path.of("../..").toAbsolutePath().normalize();
        try (LocalRegistry registry = new LocalRegistry(Files.createDirectories(dir.resolve("registry")))) {
            registry.mavenFiles.put(JdbcDriver.POSTGRESQL.repositoryPath(), Files.readAllBytes(local));
            Path agent = Path.of(System.getProperty("user.home"), ".m2/repository", MetricsAgent.JAR.repositoryPath());
            assumeTrue(Files.isRegularFile(agent), "no " + agent);
            registry.mavenFiles.put(MetricsAgent.JAR.repositoryPath(), Files.readAllBytes(agent));
            String am = registry.pushBase(registry.host + "/wso2/wso2am:4.3.0", "/bin/am", "10001");
            String mi = registry.pushBase(registry.host + "/wso2/wso2mi:4.3.0", "/bin/mi", "802");
            String py = registry.pushBase(registry.host + "/library/python:3.11-slim", "/usr/local/bin/python3", "0");
            Scratch ws = Scratch.in(Files.createDirectories(dir.resolve("ws"))).spec("dev1", "aws", "10.20.0.0/20", "");
            for (String file : List.of(
                    "ansible.cfg", "in-cluster-vars.yml", "playbooks/prepare.yml", "roles/database/tasks/main.yml")) {
                ws.write(
                        "ansible/" + file,
                        Files.readString(repo.resolve("ansible").resolve(file)));
            }
            ws.write(RunnerLock.FILE, Files.readString(repo.resolve(RunnerLock.FILE)));
            String platform = ws.read("environments/platform.yaml")
                    .replace("tag: 4.3.0\n", "tag: 4.3.0\n          digest: @@\n")
                    .replaceFirst("@@", am)
                    .replaceFirst("@@", mi)
                    .replace("repository: wso2/", "repository: " + registry.host + "/wso2/")
                    .replace(
                            "  defaults:\n",
                            "  defaults:\n    preparation:\n      base:\n        repository: " + registry.host
                                    + "/library/python\n        tag: 3.11-slim\n        digest: " + py + "\n");
            ws.write("environments/platform.yaml", platform);

            List<Images.Built> built = Images.build(new Images.Request(
                    ws.root(),
                    "dev1",
                    registry.host + "/envforge",
                    registry.mavenUri(),
                    true,
                    Path.of(System.getProperty("user.home"), ".cache", "envforge", "images")));
            assertEquals(3, built.size(), built.toString());
            String runner = registry.host + "/envforge/ansible-runner@"
                    + registry.digestOf("envforge/ansible-runner", built.get(2).tag());
            assertTrue(
                    ws.read("environments/dev1.yaml").contains("image: " + runner), ws.read("environments/dev1.yaml"));

            GenerateResult result = ws.generate(true, "dev1");
            assertFalse(result.report().hasErrors(), result.report().render());
            Path prepare = ws.root().resolve("overlays/dev1/prepare");
            assertTrue(Files.isDirectory(prepare), "the preparation is rendered");
            String job;
            try (var files = Files.list(prepare)) {
                job = files.map(f -> ws.read("overlays/dev1/prepare/" + f.getFileName()))
                        .filter(t -> t.contains("kind: Job"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no preparation Job rendered"));
            }
            assertTrue(job.contains("image: " + runner), job);
        }
    }
}
