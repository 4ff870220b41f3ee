package io.envforge.e2e;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A STAND-IN for the External Secrets Operator, said plainly: the real operator (its module pulls every cloud SDK)
 * is not built here, and there is no cloud secret store to read. Like the operator after a successful sync, it
 * creates each ExternalSecret's target Secret (placeholder values) and sets the ExternalSecret's and SecretStore's
 * {@code Ready} condition to True (the condition ESO writes: apis/externalsecrets/v1 ExternalSecretReady,
 * SecretStoreReady). Everything else the tests see comes from real controllers.
 */
final class ExternalSecretsStandIn extends StatusStandIn {

    private static final String STORES = "secretstores.external-secrets.io";
    private static final String EXTERNAL_SECRETS = "externalsecrets.external-secrets.io";

    ExternalSecretsStandIn(Kubectl kubectl, String namespace) {
        super(kubectl, namespace, "eso-stand-in");
        start();
    }

    @Override
    void syncOnce(Kubectl k, String ns, String now) {
        for (JsonNode store : list(k, STORES, ns)) {
            if (!ready(store)) {
                markReady(k, STORES, store, ns, now, "Valid", "store validated");
            }
        }
        for (JsonNode es : list(k, EXTERNAL_SECRETS, ns)) {
            if (ready(es)) {
                continue;
            }
            String target = es.path("spec").path("target").path("name").asText(name(es));
            StringBuilder secret = new StringBuilder("apiVersion: v1\nkind: Secret\nmetadata:\n  name: " + target
                    + "\n  namespace: " + ns + "\nstringData:\n  placeholder: stand-in\n");
            for (JsonNode data : es.path("spec").path("data")) {
                secret.append("  ").append(data.path("secretKey").asText()).append(": stand-in\n");
            }
            apply(k, secret.toString(), "eso-stand-in");
            markReady(k, EXTERNAL_SECRETS, es, ns, now, "SecretSynced", "secret synced by the test's stand-in");
        }
    }
}
