package io.envforge.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A STAND-IN for cert-manager, said plainly: the controller is not built here. Like cert-manager after a successful
 * issuance, it creates each Certificate's Secret (placeholder data under the keys cert-manager writes: tls.crt,
 * tls.key, ca.crt, and keystore.jks / truststore.jks when spec.keystores.jks.create is set) and sets the Certificate's
 * and Issuer's {@code Ready} condition to True (cert-manager v1.21.2 pkg/apis/certmanager/v1 CertificateConditionReady,
 * IssuerConditionReady). The platform Kustomization's health checks then see what they see in a cluster.
 */
final class CertManagerStandIn implements AutoCloseable {

    private final Thread thread;
    private volatile boolean running = true;

    CertManagerStandIn(Kubectl kubectl, String namespace) {
        thread = new Thread(
                () -> {
                    while (running) {
                        try {
                            syncOnce(kubectl, namespace);
                        } catch (RuntimeException | AssertionError e) {
                            // the namespace or the CRs may not exist yet: try again
                        }
                        Kubectl.sleep(1000);
                    }
                },
                "cert-manager-stand-in-" + namespace);
        thread.setDaemon(true);
        thread.start();
    }

    private static void syncOnce(Kubectl k, String ns) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        for (JsonNode issuer :
                k.json("get", "issuers.cert-manager.io", "-n", ns).path("items")) {
            if (!ExternalSecretsStandIn.ready(issuer)) {
                k.ok(
                        null,
                        "patch",
                        "issuers.cert-manager.io",
                        name(issuer),
                        "-n",
                        ns,
                        "--subresource=status",
                        "--type=merge",
                        "-p",
                        status(now, "KeyPairVerified", "issuer ready (test stand-in)"));
            }
        }
        for (JsonNode cert :
                k.json("get", "certificates.cert-manager.io", "-n", ns).path("items")) {
            if (ExternalSecretsStandIn.ready(cert)) {
                continue;
            }
            StringBuilder secret = new StringBuilder("apiVersion: v1\nkind: Secret\nmetadata:\n  name: "
                    + cert.path("spec").path("secretName").asText() + "\n  namespace: " + ns
                    + "\ntype: kubernetes.io/tls\nstringData:\n  tls.crt: stand-in\n  tls.key: stand-in\n"
                    + "  ca.crt: stand-in\n");
            if (cert.path("spec").path("keystores").path("jks").path("create").asBoolean()) {
                secret.append("  keystore.jks: stand-in\n  truststore.jks: stand-in\n");
            }
            k.ok(secret.toString(), "apply", "--server-side", "--field-manager=cert-manager-stand-in", "-f", "-");
            k.ok(
                    null,
                    "patch",
                    "certificates.cert-manager.io",
                    name(cert),
                    "-n",
                    ns,
                    "--subresource=status",
                    "--type=merge",
                    "-p",
                    status(now, "Ready", "issued by the test's stand-in"));
        }
    }

    private static String status(String now, String reason, String message) {
        return "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"reason\":\"" + reason
                + "\",\"message\":\"" + message + "\",\"lastTransitionTime\":\"" + now + "\"}]}}";
    }

    private static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
