package io.envforge.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The keystores each product opens exist in the pod and open with the password it reads: real JKS files made by
 * keytool, laid out as the pod spec mounts the keystore Secret, and every [keystore.*] / [truststore] block of every
 * rendered deployment.toml resolved against them the two ways the products resolve file_name (Carbon's templates join
 * it to ${carbon.home}/repository/resources/security/, the Synapse transports to the product home), with the
 * password taken from the Secret key the container's environment variable names.
 */
class KeystoreTest {

    private static final Pattern TABLE = Pattern.compile("(?m)^\\[([a-z_.]+)]\\s*$");
    private static final Pattern ENTRY = Pattern.compile("(?m)^([a-z_]+)\\s*=\\s*\"([^\"]*)\"\\s*$");
    private static final Pattern ENV = Pattern.compile("\\$env\\{([A-Z_]+)}");
    private static final String PASSWORD = "kS9-env-specific-password";

    static Stream<Scenario> scenarios() {
        return Scenario.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyKeystoreTheConfigNamesOpensFromTheMountedSecret(Scenario s, @TempDir Path root) throws Exception {
        Map<String, Object> values = Values.of(s);
        String alias = Yaml.str(values, "keystore.keyAlias");
        String secretName = Yaml.str(values, "keystore.existingSecret");
        Path secretFiles = STORES.computeIfAbsent(alias, KeystoreTest::keytool);
        Map<String, Map<String, String>> secrets = Map.of(
                secretName,
                Map.of(
                        "keystore.jks",
                        secretFiles.resolve("keystore.jks").toString(),
                        "truststore.jks",
                        secretFiles.resolve("truststore.jks").toString()),
                Yaml.str(values, "secrets.existingSecret"),
                Map.of("keystore-password", PASSWORD));

        Map<String, Object> pod = podSpec(s);
        Map<String, Object> container = Yaml.list(pod, "containers").get(0);
        Path fs = Files.createDirectories(root.resolve("pod"));
        // The init container builds the stores the product reads (build-stores.sh) from the Secret into an emptyDir.
        Map<String, Object> init = Yaml.list(pod, "initContainers").get(0);
        Path initFs = Files.createDirectories(root.resolve("init"));
        mountSecretVolumes(pod, init, secrets, initFs, Map.of());
        Map<String, Path> emptyDirs = buildStores(s, init, secretEnv(init, secrets), initFs);
        mountSecretVolumes(pod, container, secrets, fs, emptyDirs);
        Map<String, String> env = secretEnv(container, secrets);
        String home = homeOf(container);

        for (Map.Entry<String, Object> file : DeploymentTomlTest.tomls(s).entrySet()) {
            String toml = file.getValue().toString();
            assertFalse(
                    toml.contains("wso2carbon.jks") || toml.contains("client-truststore.jks"),
                    s + " " + file.getKey() + ": the image's public keystores");
            assertFalse(toml.contains("\"wso2carbon\""), s + " " + file.getKey() + ": the stock password or alias");
            Map<String, Map<String, String>> tables = tables(toml);
            List<String> stores = new ArrayList<>(tables.keySet().stream()
                    .filter(t -> t.startsWith("keystore.") || t.equals("truststore"))
                    .toList());
            assertEquals(
                    List.of("keystore.tls", "keystore.primary", "keystore.internal", "truststore"),
                    stores,
                    s + " " + file.getKey());
            for (String table : stores) {
                Map<String, String> t = tables.get(table);
                String password = resolve(t.get("password"), env);
                for (String base : List.of(home + "/repository/resources/security/", home + "/")) {
                    Path path = fs.resolve((base + t.get("file_name")).substring(1));
                    assertTrue(
                            Files.isRegularFile(path),
                            s + " " + table + ": " + base + t.get("file_name") + " is not in the pod");
                    KeyStore ks = KeyStore.getInstance(t.get("type"));
                    try (InputStream in = Files.newInputStream(path)) {
                        ks.load(in, password.toCharArray());
                    }
                    if (table.equals("truststore")) {
                        assertInstanceOf(X509Certificate.class, ks.getCertificate("ca"), s + " " + table);
                    } else {
                        assertEquals(alias, t.get("alias"), s + " " + table);
                        var key = ks.getKey(
                                t.get("alias"),
                                resolve(t.get("key_password"), env).toCharArray());
                        assertInstanceOf(PrivateKey.class, key, s + " " + table);
                        assertEquals("RSA", key.getAlgorithm(), s + " " + table + ": JWT signing needs RS256");
                    }
                }
            }
        }
    }

    /** The stores per key alias, made once per run (keytool's RSA key generation takes seconds). */
    private static final Map<String, Path> STORES = new ConcurrentHashMap<>();

    /** Two stores as cert-manager writes them: key entry under the alias, key password = store password; CA as "ca". */
    private static Path keytool(String alias) {
        try {
            Path dir = Files.createTempDirectory("envforge-keystores");
            dir.toFile().deleteOnExit();
            keytool(dir, alias);
            return dir;
        } catch (Exception e) {
            throw new IllegalStateException("keytool failed", e);
        }
    }

    private static void keytool(Path dir, String alias) throws Exception {
        run(
                dir,
                "-genkeypair",
                "-alias",
                "ca",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=test CA",
                "-ext",
                "bc:c",
                "-keystore",
                "ca.p12",
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD);
        run(
                dir,
                "-exportcert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                "ca.p12",
                "-storepass",
                PASSWORD,
                "-file",
                "ca.pem");
        run(
                dir,
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=api.test",
                "-keystore",
                "keystore.jks",
                "-storetype",
                "JKS",
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        run(
                dir,
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                "ca.pem",
                "-keystore",
                "truststore.jks",
                "-storetype",
                "JKS",
                "-storepass",
                PASSWORD);
    }

    private static void run(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool " + args[0] + ": " + out);
    }

    private static Map<String, Object> podSpec(Scenario s) {
        Rendered r = Rendered.of(s);
        Map<String, Object> workload = r.ofKind(s.chart().equals("api-gateway") ? "StatefulSet" : "Deployment")
                .get(0);
        return Yaml.map(workload, "spec.template.spec");
    }

    private static final Pattern BUILD = Pattern.compile("sh /config/build-stores\\.sh (\\S+) (\\S+)");

    /**
     * Runs the chart's build-stores.sh (/bin/sh, the JDK's keytool) as the init container's command gives it: its
     * Secret folder from the init container's file system, its output as the emptyDir mounted there.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Path> buildStores(Scenario s, Map<String, Object> init, Map<String, String> env, Path fs)
            throws Exception {
        Matcher m = BUILD.matcher(String.join("\n", (List<String>) init.get("command")));
        assertTrue(m.find(), s + ": the init container does not run build-stores.sh");
        String volume = Yaml.list(init, "volumeMounts").stream()
                .filter(v -> m.group(2).equals(v.get("mountPath")))
                .map(v -> (String) v.get("name"))
                .findFirst()
                .orElseThrow();
        Path out = Files.createDirectories(fs.resolve("emptyDir-" + volume));
        Rendered r = Rendered.of(s);
        String script = Yaml.map(r.one("ConfigMap", s.release() + "-config"), "data")
                .get("build-stores.sh")
                .toString();
        Path file = Files.writeString(fs.resolve("build-stores.sh"), script);
        Path javaHome = Path.of(System.getProperty("java.home"));
        ProcessBuilder pb = new ProcessBuilder(
                        "/bin/sh",
                        file.toString(),
                        fs.resolve(m.group(1).substring(1)).toString(),
                        out.toString())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().put("PATH", javaHome.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), s + ": build-stores.sh\n" + log);
        return Map.of(volume, out);
    }

    /**
     * Lays the items of every Secret volume of the container out under fs, at each mountPath, and the content of the
     * emptyDir volumes given (name to folder).
     */
    private static void mountSecretVolumes(
            Map<String, Object> pod,
            Map<String, Object> container,
            Map<String, Map<String, String>> secrets,
            Path fs,
            Map<String, Path> emptyDirs)
            throws IOException {
        Map<String, Map<String, Object>> volumes = new LinkedHashMap<>();
        Yaml.list(pod, "volumes").forEach(v -> volumes.put((String) v.get("name"), v));
        for (Map<String, Object> mount : Yaml.list(container, "volumeMounts")) {
            Map<String, Object> volume = volumes.get((String) mount.get("name"));
            Path filled = emptyDirs.get((String) mount.get("name"));
            if (volume != null && volume.containsKey("emptyDir") && filled != null) {
                Path dir = Files.createDirectories(fs.resolve(((String) mount.get("mountPath")).substring(1)));
                try (var files = Files.list(filled)) {
                    for (Path f : files.toList()) {
                        Files.copy(f, dir.resolve(f.getFileName()));
                    }
                }
                continue;
            }
            if (volume == null || !volume.containsKey("secret")) {
                continue;
            }
            Map<String, String> data = secrets.get(Yaml.str(volume, "secret.secretName"));
            assertNotNull(data, "no test data for Secret " + Yaml.str(volume, "secret.secretName"));
            Path dir = Files.createDirectories(fs.resolve(((String) mount.get("mountPath")).substring(1)));
            for (Map<String, Object> item : Yaml.list(volume, "secret.items")) {
                Path target = dir.resolve((String) item.get("path"));
                Files.copy(Path.of(data.get((String) item.get("key"))), target);
            }
        }
    }

    private static Map<String, String> secretEnv(
            Map<String, Object> container, Map<String, Map<String, String>> secrets) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> e : Yaml.list(container, "env")) {
            Object ref = Yaml.get(e, "valueFrom.secretKeyRef");
            if (ref != null) {
                Map<String, String> data = secrets.get(Yaml.str(ref, "name"));
                if (data != null && data.containsKey(Yaml.str(ref, "key"))) {
                    env.put((String) e.get("name"), data.get(Yaml.str(ref, "key")));
                }
            }
        }
        return env;
    }

    /** The product home: the mount path of the runtime volume, where the start script runs from. */
    private static String homeOf(Map<String, Object> container) {
        return Yaml.list(container, "volumeMounts").stream()
                .filter(m -> "runtime".equals(m.get("name")))
                .map(m -> (String) m.get("mountPath"))
                .findFirst()
                .orElseThrow();
    }

    private static String resolve(String value, Map<String, String> env) {
        Matcher m = ENV.matcher(value);
        assertTrue(m.matches(), "not an environment reference: " + value);
        String v = env.get(m.group(1));
        assertNotNull(v, "$env{" + m.group(1) + "} is not set from the keystore-password Secret key");
        return v;
    }

    private static Map<String, Map<String, String>> tables(String toml) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Matcher m = TABLE.matcher(toml);
        List<int[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), m.end()});
            names.add(m.group(1));
        }
        for (int i = 0; i < names.size(); i++) {
            String body = toml.substring(starts.get(i)[1], i + 1 < names.size() ? starts.get(i + 1)[0] : toml.length());
            Map<String, String> entries = new LinkedHashMap<>();
            Matcher e = ENTRY.matcher(body.split("(?m)^\\[\\[")[0]);
            while (e.find()) {
                entries.put(e.group(1), e.group(2));
            }
            out.put(names.get(i), entries);
        }
        return out;
    }
}
