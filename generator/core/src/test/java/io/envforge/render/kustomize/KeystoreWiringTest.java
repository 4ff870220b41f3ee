package io.envforge.render.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.api.GenerateResult;
import io.envforge.pipeline.Scratch;
import io.envforge.render.Yaml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The keystore each product opens is the one cert-manager writes for it: in the built overlay, the Secret a workload
 * mounts is a Certificate's {@code secretName}, that Certificate's JKS alias is the alias the product's
 * deployment.toml names, its keystore password is the Secret key the product reads (and an ExternalSecret fills
 * it), it chains to the environment's CA, and it carries the host names clients use. The references are followed
 * here as cert-manager follows them (no cert-manager controller runs in this tier).
 */
class KeystoreWiringTest {

    private static final Pattern ALIAS = Pattern.compile("(?m)^alias = \"([^\"]+)\"$");
    private static final Pattern SERVER_HOST = Pattern.compile("(?s)\\[server]\n.*?\nhostname = \"([^\"]+)\"");
    private static final Pattern GATEWAY_HOST = Pattern.compile("(?m)^https_endpoint = \"https://([^\"/:]+)");

    static Map<String, List<Map<String, Object>>> built = new java.util.HashMap<>();

    @BeforeAll
    static void generate(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Scratch ws = Scratch.in(dir).spec("a", "aws", "10.20.0.0/20", "").spec("b", "azure", "10.20.16.0/20", "");
        GenerateResult result = ws.generate(true, "a", "b");
        assertFalse(result.report().hasErrors(), result.report().render());
        built.put("a", Yaml.loadAll(kustomize(ws.root().resolve("overlays/a"))));
        built.put("b", Yaml.loadAll(kustomize(ws.root().resolve("overlays/b"))));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a", "b"})
    void eachProductOpensTheKeystoreItsCertificateWrites(String env) {
        List<Map<String, Object>> objects = built.get(env);
        for (String kind : List.of("StatefulSet", "Deployment")) {
            Map<String, Object> workload = one(objects, kind, null);
            Map<String, Object> pod = map(workload, "spec.template.spec");
            Map<String, Object> container = list(pod, "containers").get(0);
            String secret = list(pod, "volumes").stream()
                    // the Secret the init container builds the product's stores from (charts' _stores.tpl)
                    .filter(v -> "keystore-secret".equals(v.get("name")))
                    .map(v -> (String) at(v, "secret.secretName"))
                    .findFirst()
                    .orElseThrow();
            Map<String, Object> cert = objects.stream()
                    .filter(o -> "Certificate".equals(o.get("kind")))
                    .filter(o -> secret.equals(at(o, "spec.secretName")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(env + " " + kind + ": no Certificate writes " + secret));

            String toml = String.join(
                    "\n",
                    map(
                                    one(objects, "ConfigMap", (String) at(
                                            list(pod, "volumes").stream()
                                                    .filter(v -> "config".equals(v.get("name")))
                                                    .findFirst()
                                                    .orElseThrow(),
                                            "configMap.name")),
                                    "data")
                            .values()
                            .stream()
                            .map(Object::toString)
                            .toList());
            Matcher alias = ALIAS.matcher(toml);
            int aliases = 0;
            while (alias.find()) {
                aliases++;
                assertEquals(at(cert, "spec.keystores.jks.alias"), alias.group(1), env + " " + kind);
            }
            assertTrue(aliases >= 3, env + " " + kind + ": keystore aliases in deployment.toml");

            Map<String, Object> passwordEnv = list(container, "env").stream()
                    .filter(e -> "KEYSTORE_PASSWORD".equals(e.get("name")))
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    at(passwordEnv, "valueFrom.secretKeyRef.name"),
                    at(cert, "spec.keystores.jks.passwordSecretRef.name"),
                    env + " " + kind);
            assertEquals(
                    at(passwordEnv, "valueFrom.secretKeyRef.key"),
                    at(cert, "spec.keystores.jks.passwordSecretRef.key"),
                    env + " " + kind);
            String passwordSecret = (String) at(cert, "spec.keystores.jks.passwordSecretRef.name");
            assertTrue(
                    objects.stream()
                            .anyMatch(o -> "ExternalSecret".equals(o.get("kind"))
                                    && passwordSecret.equals(at(o, "spec.target.name"))),
                    env + ": no ExternalSecret fills " + passwordSecret);

            // The chain: the leaf's Issuer is a CA Issuer whose key pair a CA Certificate from a self-signed Issuer
            // writes, all in the environment's namespace (Issuer, not ClusterIssuer).
            Map<String, Object> caIssuer = one(objects, "Issuer", (String) at(cert, "spec.issuerRef.name"));
            String caSecret = (String) at(caIssuer, "spec.ca.secretName");
            Map<String, Object> ca = objects.stream()
                    .filter(o -> "Certificate".equals(o.get("kind")))
                    .filter(o -> caSecret.equals(at(o, "spec.secretName")))
                    .findFirst()
                    .orElseThrow();
            assertEquals(Boolean.TRUE, at(ca, "spec.isCA"));
            Map<String, Object> root = one(objects, "Issuer", (String) at(ca, "spec.issuerRef.name"));
            assertTrue(map(root, "spec").containsKey("selfSigned"), env);
            assertEquals("RSA", at(cert, "spec.privateKey.algorithm"), "API Manager signs JWTs with RS256");

            @SuppressWarnings("unchecked")
            List<String> dnsNames = (List<String>) at(cert, "spec.dnsNames");
            assertTrue(dnsNames.contains("localhost"), env + " " + kind);
            if (kind.equals("StatefulSet")) {
                Matcher portal = SERVER_HOST.matcher(toml);
                Matcher gateway = GATEWAY_HOST.matcher(toml);
                assertTrue(portal.find() && gateway.find(), toml);
                assertTrue(dnsNames.contains(portal.group(1)), env + ": portal host " + portal.group(1));
                assertTrue(dnsNames.contains(gateway.group(1)), env + ": gateway host " + gateway.group(1));
                assertTrue(
                        dnsNames.stream().anyMatch(n -> n.startsWith("*.") && n.contains("-peers.")),
                        env + ": the peers' ssl:// names");
            }
        }
    }

    private static Map<String, Object> one(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.get("kind")))
                .filter(o -> name == null || name.equals(at(o, "metadata.name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @SuppressWarnings("unchecked")
    private static Object at(Object node, String path) {
        Object current = node;
        for (String part : path.split("\\.")) {
            current = current instanceof Map<?, ?> m ? ((Map<String, Object>) m).get(part) : null;
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String path) {
        return (Map<String, Object>) at(node, path);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object node, String path) {
        return (List<Map<String, Object>>) at(node, path);
    }

    private static String kustomize(Path overlay) throws Exception {
        Process p = new ProcessBuilder("kubectl", "kustomize", overlay.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
