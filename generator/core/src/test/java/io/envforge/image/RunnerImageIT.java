package io.envforge.image;

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
import io.envforge.model.Preparation;
import io.envforge.testing.LocalRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preparation runner against a real OCI registry (go-containerregistry's, on 127.0.0.1): built from the
 * repository's own {@code tools/ansible-runner/lock.yaml} (wheels from PyPI, cached under ~/.cache/envforge/images) and
 * {@code ansible/} folder, pushed, then its layers pulled back from the registry's API and unpacked into a temporary
 * root, where the host's CPython 3.11 (the lock's version) runs the Job's {@code ansible-playbook} from that root
 * alone: {@code --syntax-check} of the preparation playbook with the Job's extra vars, which fails on any module of a
 * collection that is not there. No Docker engine: the base is a stand-in holding no Python.
 */
class RunnerImageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void theLayersHoldAnAnsibleThatRunsThePreparationPlaybook() throws Exception {
        assumeTrue(
                LocalRegistry.available(),
                "no registry binary at " + LocalRegistry.BINARY + "; run tools/build-components.sh registry");
        assumeTrue(run(dir, Map.of(), "python3.11", "--version").exit == 0, "no python3.11 on PATH");
        RunnerLock lock = RunnerLock.read(REPO.resolve(RunnerLock.FILE));
        assertEquals("3.11", lock.python());
        try (LocalRegistry registry = new LocalRegistry(dir)) {
            String baseRef = registry.host + "/library/python:3.11-slim";
            String baseDigest = Jib.fromScratch()
                    .addFileEntriesLayer(FileEntriesLayer.builder()
                            .addEntry(
                                    Files.writeString(dir.resolve("os-release"), "ID=debian\n"),
                                    AbsoluteUnixPath.get("/etc/os-release"))
                            .build())
                    .addEnvironmentVariable("PATH", "/usr/local/bin:/usr/bin:/bin")
                    .containerize(Containerizer.to(RegistryImage.named(baseRef))
                            .setAllowInsecureRegistries(true)
                            .setBaseImageLayersCache(dir.resolve("jib-base/base"))
                            .setApplicationLayersCache(dir.resolve("jib-base/app")))
                    .getDigest()
                    .toString();
            Path cache = Path.of(System.getProperty("user.home"), ".cache", "envforge", "images");
            long start = System.nanoTime();
            String digest = new RunnerImage(
                            baseRef + "@" + baseDigest, registry.host + "/envforge/ansible-runner:test", true, cache)
                    .build(lock, REPO.resolve("ansible"));
            System.out.printf("runner image built and pushed in %d ms%n", (System.nanoTime() - start) / 1_000_000);
            assertEquals(digest, registry.digestOf("envforge/ansible-runner", "test"), "the registry's digest");

            JsonNode manifest = JSON.readTree(
                    registry.get("/v2/envforge/ansible-runner/manifests/" + digest, LocalRegistry.MANIFEST_TYPES)
                            .body());
            JsonNode config = JSON.readTree(registry.get(
                                    "/v2/envforge/ansible-runner/blobs/"
                                            + manifest.get("config")
                                                    .get("digest")
                                                    .asText(),
                                    "*/*")
                            .body())
                    .get("config");
            List<String> env = new ArrayList<>();
            config.get("Env").forEach(e -> env.add(e.asText()));
            assertTrue(env.contains("PATH=/usr/local/bin:/usr/bin:/bin"), "the base's PATH is kept: " + env);
            assertTrue(env.contains("PYTHONPATH=" + RunnerImage.SITE), env.toString());
            assertTrue(env.contains("LANG=C.UTF-8"), env.toString());
            assertEquals(Preparation.ANSIBLE_HOME, config.get("WorkingDir").asText());

            Path root = Files.createDirectories(dir.resolve("root"));
            JsonNode layers = manifest.get("layers");
            assertEquals(3, layers.size(), "base + python packages + ansible");
            for (JsonNode layer : layers) {
                untar(
                        registry.get(
                                        "/v2/envforge/ansible-runner/blobs/"
                                                + layer.get("digest").asText(),
                                        "*/*")
                                .body(),
                        root);
            }
            Path home = root.resolve(Preparation.ANSIBLE_HOME.substring(1));
            assertTrue(Files.isRegularFile(home.resolve("playbooks/prepare.yml")));
            assertTrue(!Files.exists(home.resolve("inventories")), "no environment's inventory in the image");

            Map<String, String> jobEnv = Map.of(
                    "PYTHONPATH", root.resolve(RunnerImage.SITE.substring(1)).toString(),
                    "LANG", "C.UTF-8",
                    "HOME", dir.toString(),
                    "ANSIBLE_LOCAL_TEMP", dir.resolve("ansible-tmp").toString());
            Result where = run(
                    home,
                    jobEnv,
                    "python3.11",
                    "-s",
                    "-c",
                    "import ansible.release, psycopg2; print(ansible.release.__file__);"
                            + " print(psycopg2.__file__); print(ansible.release.__version__)");
            assertEquals(0, where.exit, where.output);
            for (String line : where.output.strip().split("\n", -1)) {
                assertTrue(
                        line.startsWith(root.toString())
                                || line.equals(lock.packages().get(0).version()),
                        "imported from the image's layers only: " + where.output);
            }
            // The Job's command (PreparationManifests.job), its script taken from the image's BIN.
            start = System.nanoTime();
            Result check = run(
                    home,
                    jobEnv,
                    "python3.11",
                    "-s",
                    root.resolve(RunnerImage.BIN.substring(1))
                            .resolve("ansible-playbook")
                            .toString(),
                    "--syntax-check",
                    "-i",
                    REPO.resolve("ansible/inventories/dev1/hosts.yml").toString(),
                    "playbooks/prepare.yml",
                    "-e",
                    "@in-cluster-vars.yml",
                    "-e",
                    "nfs_share_manage_accounts=false");
            System.out.printf("syntax check in %d ms%n", (System.nanoTime() - start) / 1_000_000);
            assertEquals(0, check.exit, check.output);
            assertTrue(check.output.contains("playbook: playbooks/prepare.yml"), check.output);
        }
    }

    @Test
    void aWheelThatIsNotThePinnedOneIsRefusedAndABaseByTagToo() throws Exception {
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        {
            server.createContext("/", exchange -> {
                byte[] body = "not a wheel".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            try {
                RunnerLock.Wheel wheel = new RunnerLock.Wheel(
                        "x",
                        "1",
                        java.net.URI.create(
                                "http://127.0.0.1:" + server.getAddress().getPort() + "/x-1-py3-none-any.whl"),
                        "0".repeat(64));
                IllegalStateException e =
                        assertThrows(IllegalStateException.class, () -> new WheelCache(dir).file(wheel));
                assertTrue(e.getMessage().contains("refusing the wheel"), e.getMessage());
                assertTrue(!Files.exists(dir.resolve("files/x-1-py3-none-any.whl")));
            } finally {
                server.stop(0);
            }
        }
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new RunnerImage("python:3.11-slim", "r/x:1", true, dir));
        assertTrue(e.getMessage().contains("not pinned"), e.getMessage());
    }

    private record Result(int exit, String output) {}

    private static Result run(Path cwd, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new Result(p.exitValue(), out);
    }

    private static void untar(byte[] gzipped, Path root) throws IOException {
        try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(gzipped));
                TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                Path out = root.resolve(e.getName().replaceFirst("^/", "")).normalize();
                assertTrue(out.startsWith(root), e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else if (e.isFile()) {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out);
                }
            }
        }
    }
}
