package io.envforge.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The products trust both the environment's CA and the public roots: the chart's build-stores.sh runs (with /bin/sh,
 * as the init container does, and the real JDK keytool) on a keystore Secret made like cert-manager's (a
 * truststore.jks holding only the CA, entry "ca"); the truststore it leaves validates a server chain signed by that CA
 * and a public root of the JDK's cacerts, which the Secret's truststore alone rejects. The pods read the stores from
 * where the script leaves them.
 */
class TruststoreTest {

    private static final String PASSWORD = "s3cret-store";
    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

    @ParameterizedTest
    @ValueSource(strings = {"api-gateway", "integration"})
    void truststoreValidatesTheEnvironmentsChainsAndPublicRoots(String chart, @org.junit.jupiter.api.io.TempDir Path t)
            throws Exception {
        Scenario s = Scenario.named(chart, "defaults");
        Rendered r = Rendered.of(s);
        String script = Yaml.map(r.one("ConfigMap", s.release() + "-config"), "data")
                .get("build-stores.sh")
                .toString();

        // The environment's CA and a server certificate it signs, as cert-manager's Secret holds them.
        Path secret = Files.createDirectories(t.resolve("secret"));
        Path ca = t.resolve("ca.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "ca",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=envforge dev1 CA",
                "-ext",
                "bc:c",
                "-validity",
                "30",
                "-keystore",
                ca.toString(),
                "-storepass",
                PASSWORD);
        keytool(
                "-genkeypair",
                "-alias",
                "envforge",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=api.dev1.apis.example.com",
                "-validity",
                "30",
                "-keypass",
                PASSWORD,
                "-storetype",
                "JKS",
                "-keystore",
                secret.resolve("keystore.jks").toString(),
                "-storepass",
                PASSWORD);
        Path csr = t.resolve("server.csr");
        keytool(
                "-certreq",
                "-alias",
                "envforge",
                "-keystore",
                secret.resolve("keystore.jks").toString(),
                "-storepass",
                PASSWORD,
                "-file",
                csr.toString());
        Path serverPem = t.resolve("server.pem");
        keytool(
                "-gencert",
                "-alias",
                "ca",
                "-keystore",
                ca.toString(),
                "-storepass",
                PASSWORD,
                "-infile",
                csr.toString(),
                "-outfile",
                serverPem.toString(),
                "-rfc",
                "-ext",
                "san=dns:api.dev1.apis.example.com",
                "-ext",
                "eku=serverAuth",
                "-validity",
                "30");
        Path caPem = t.resolve("ca.pem");
        keytool(
                "-exportcert",
                "-alias",
                "ca",
                "-keystore",
                ca.toString(),
                "-storepass",
                PASSWORD,
                "-rfc",
                "-file",
                caPem.toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                caPem.toString(),
                "-storetype",
                "JKS",
                "-keystore",
                secret.resolve("truststore.jks").toString(),
                "-storepass",
                PASSWORD);

        Path out = Files.createDirectories(t.resolve("stores"));
        Path file = Files.writeString(t.resolve("build-stores.sh"), script);
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", file.toString(), secret.toString(), out.toString())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("JAVA_HOME", JAVA_HOME.toString());
        pb.environment().put("PATH", JAVA_HOME.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().put("KEYSTORE_PASSWORD", PASSWORD);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);
        // The password went through the environment, never a command line.
        assertTrue(!script.contains("storepass \"$KEYSTORE_PASSWORD") && script.contains("storepass:env"), script);

        assertArrayEquals(
                Files.readAllBytes(secret.resolve("keystore.jks")), Files.readAllBytes(out.resolve("keystore.jks")));
        X509TrustManager built = trustManager(out.resolve("truststore.jks"), "JKS");
        X509TrustManager secretOnly = trustManager(secret.resolve("truststore.jks"), "JKS");
        X509Certificate caCert = pem(caPem);
        X509Certificate server = pem(serverPem);
        built.checkServerTrusted(new X509Certificate[] {server, caCert}, "RSA");

        X509Certificate publicRoot = publicRoot();
        built.checkServerTrusted(new X509Certificate[] {publicRoot}, "RSA");
        assertThrows(
                CertificateException.class,
                () -> secretOnly.checkServerTrusted(new X509Certificate[] {publicRoot}, "RSA"),
                "the Secret's truststore alone must not know the public roots (else this test proves nothing)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"api-gateway", "integration"})
    void initContainerBuildsTheStoresTheProductReads(String chart) {
        Scenario s = Scenario.named(chart, "defaults");
        Rendered r = Rendered.of(s);
        Map<String, Object> workload = r.ofKind(chart.equals("api-gateway") ? "StatefulSet" : "Deployment")
                .get(0);
        Map<String, Object> init =
                Yaml.list(workload, "spec.template.spec.initContainers").get(0);
        @SuppressWarnings("unchecked")
        String command = String.join("\n", (List<String>) Yaml.get(init, "command"));
        assertTrue(command.contains("sh /config/build-stores.sh /keystore-secret /keystores"), command);
        assertTrue(
                mountedAt(init, "keystore-secret", "/keystore-secret") && mountedAt(init, "keystores", "/keystores"));
        Map<String, Object> main =
                Yaml.list(workload, "spec.template.spec.containers").get(0);
        List<?> mainCommand = (List<?>) main.get("command");
        // the product's start script is last (the api-gateway chart runs it through its start.sh)
        String home = mainCommand.get(mainCommand.size() - 1).toString().replaceAll("^(.*)/bin/[^/]*$", "$1");
        // deployment.toml's envforge/truststore.jks, relative to both roots WSO2 resolves it from
        assertTrue(mountedAt(main, "keystores", home + "/repository/resources/security/envforge"), main.toString());
        assertTrue(mountedAt(main, "keystores", home + "/envforge"), main.toString());
        assertTrue(Yaml.list(main, "volumeMounts").stream().noneMatch(m -> "keystore-secret".equals(m.get("name"))));
        Map<String, Object> volume = Yaml.list(workload, "spec.template.spec.volumes").stream()
                .filter(v -> "keystores".equals(v.get("name")))
                .findFirst()
                .orElseThrow();
        assertEquals("Memory", Yaml.get(volume, "emptyDir.medium"), "stores stay off the node's disk");
        String toml = Yaml.map(r.one("ConfigMap", s.release() + "-config"), "data").entrySet().stream()
                .filter(e -> e.getKey().endsWith(".toml"))
                .map(e -> e.getValue().toString())
                .findFirst()
                .orElseThrow();
        assertTrue(toml.contains("[truststore]\nfile_name = \"envforge/truststore.jks\""), toml);
    }

    private static boolean mountedAt(Map<String, Object> container, String volume, String path) {
        return Yaml.list(container, "volumeMounts").stream()
                .anyMatch(m -> volume.equals(m.get("name")) && path.equals(m.get("mountPath")));
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(JAVA_HOME.resolve("bin/keytool").toString());
        Collections.addAll(command, args);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", args) + "\n" + log);
    }

    private static X509TrustManager trustManager(Path store, String type) throws Exception {
        KeyStore ks = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(ks);
        return (X509TrustManager) tmf.getTrustManagers()[0];
    }

    private static X509Certificate pem(Path file) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(file)));
    }

    /** A currently valid, self-signed RSA root of the JDK's own cacerts. */
    private static X509Certificate publicRoot() throws Exception {
        KeyStore cacerts = KeyStore.getInstance(KeyStore.getDefaultType());
        try (InputStream in = Files.newInputStream(JAVA_HOME.resolve("lib/security/cacerts"))) {
            cacerts.load(in, "changeit".toCharArray());
        }
        for (String alias : Collections.list(cacerts.aliases())) {
            X509Certificate c = (X509Certificate) cacerts.getCertificate(alias);
            try {
                c.checkValidity();
            } catch (CertificateException e) {
                continue;
            }
            if ("RSA".equals(c.getPublicKey().getAlgorithm())
                    && c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                return c;
            }
        }
        throw new AssertionError("no valid RSA root in the JDK's cacerts");
    }
}
