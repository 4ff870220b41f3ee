package io.envforge.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A STAND-IN for the External Secrets Operator, said plainly: the real operator (its module pulls every cloud SDK)
 * is not built here, and there is no cloud secret store to read. Like the operator after a successful sync, it
 * creates each ExternalSecret's target Secret (placeholder values) and sets the ExternalSecret's and SecretStore's
 * {@code Ready} condition to True (the condition ESO writes: apis/externalsecrets/v1 ExternalSecretReady,
 * SecretStoreReady). Everything else the tests see comes from real controllers.
 */
final class ExternalSecretsStandIn implements AutoCloseable {

    private final Thread thread;
    private volatile boolean running = true;

    ExternalSecretsStandIn(Kubectl kubectl, String namespace) {
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
                "eso-stand-in-" + namespace);
        thread.setDaemon(true);
        thread.start();
    }

    private static void syncOnce(Kubectl k, String ns) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        for (JsonNode store :
                k.json("get", "secretstores.external-secrets.io", "-n", ns).path("items")) {
            if (!ready(store)) {
                k.ok(
                        null,
                        "patch",
                        "secretstores.external-secrets.io",
                        name(store),
                        "-n",
                        ns,
                        "--subresource=status",
                        "--type=merge",
                        "-p",
                        status(now, "Valid", "store validated"));
            }
        }
        for (JsonNode es :
                k.json("get", "externalsecrets.external-secrets.io", "-n", ns).path("items")) {
            if (ready(es)) {
                continue;
            }
            String target = es.path("spec").path("target").path("name").asText(name(es));
            StringBuilder secret = new StringBuilder("apiVersion: v1\nkind: Secret\nmetadata:\n  name: " + target
                    + "\n  namespace: " + ns + "\nstringData:\n  placeholder: stand-in\n");
            for (JsonNode data : es.path("spec").path("data")) {
                secret.append("  ").append(data.path("secretKey").asText()).append(": stand-in\n");
            }
            k.ok(secret.toString(), "apply", "--server-side", "--field-manager=eso-stand-in", "-f", "-");
            k.ok(
                    null,
                    "patch",
                    "externalsecrets.external-secrets.io",
                    name(es),
                    "-n",
                    ns,
                    "--subresource=status",
                    "--type=merge",
                    "-p",
                    status(now, "SecretSynced", "secret synced by the test's stand-in"));
        }
    }

    private static String status(String now, String reason, String message) {
        return "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"reason\":\"" + reason
                + "\",\"message\":\"" + message + "\",\"lastTransitionTime\":\"" + now + "\"}]}}";
    }

    private static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    static boolean ready(JsonNode o) {
        for (JsonNode c : o.path("status").path("conditions")) {
            if ("Ready".equals(c.path("type").asText())) {
                return "True".equals(c.path("status").asText());
            }
        }
        return false;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
